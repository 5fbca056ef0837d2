namespace ClaimFraud.Features.Extraction;

/// <summary>
/// What the extractor learns about a claim besides the feature values, for the rules: knowledge-base pairs hit per
/// rule, and the counts that only make sense together with "every diagnosis is known".
/// </summary>
internal struct ClaimFacts
{
    /// <summary>Every diagnosis of the claim is in the knowledge base (so "not expected" means "not expected for anything claimed").</summary>
    public bool AllDiagnosesKnown;
    public bool AnyDiagnosisKnown;
    public int UpcodingPairs;
    public int ProcedurePairs;
    public int DrugPairs;
    public int VitaminPairs;
    public int InappropriateProcedures;
    /// <summary>Expensive or Fornas-restricted drugs not expected for any diagnosis.</summary>
    public int RestrictedDrugsNotIndicated;
    public int HighDoseVitaminsIrrelevant;
    public double ExpectedProcedures;
    public int MaxJustifiedProcedures;
    /// <summary><see cref="MaxJustifiedProcedures"/> scaled by how many typical stays the LOS spans (repeated labs, daily nebulisation).</summary>
    public int JustifiedProceduresForStay;
}
