using ClaimFraud.Features.Knowledge;

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
    /// <summary>How many typical stays of the primary diagnosis the LOS spans (⌈LOS / typical LOS⌉, at least 1).</summary>
    public int TypicalStays;
    /// <summary>
    /// Procedures that count toward "excessive": all but general procedures no diagnosis lists, of which only the
    /// repeats beyond one per code per typical stay count (an ECG and a chest x-ray on admission are routine).
    /// </summary>
    public int CountedProcedures;
    /// <summary>ina_cbg.tariff / the catalog tariff of its code and cell; NaN when the code is not in the catalog or a tariff is 0.</summary>
    public double CbgTariffVsCatalog;
    /// <summary>The claimed INA-CBG group when the catalog has it.</summary>
    public CbgInfo? ClaimedGroup;
    /// <summary>
    /// When the claimed tariff, at the hospital's usual tariff level, is that of a better care class or a higher severity
    /// of the same group: that level's catalog tariff over the claimed cell's (e.g. 1.2 for class 2 on a class 3 claim); else 0.
    /// </summary>
    public double HigherLevelStep;
    public int HigherLevelCareClass;
    public int HigherLevelSeverity;
}
