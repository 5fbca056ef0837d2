using ClaimFraud.Modeling.Scoring;

namespace ClaimFraud.Modeling.Training;

public enum SplitMethod { Time, Stratified }

/// <summary>Everything a training run decides, with defaults; recorded in the manifest of the model it makes.</summary>
public sealed record PipelineOptions
{
    public string ModelName { get; init; } = "claim-fraud-xgb";
    /// <summary>Time-based by default: a model meets claims from after its training data, so it is tested that way.</summary>
    public SplitMethod Split { get; init; } = SplitMethod.Time;
    public double TrainFraction { get; init; } = 0.7;
    public double ValidationFraction { get; init; } = 0.15;
    /// <summary>Seed of the stratified split (the time split needs none).</summary>
    public int SplitSeed { get; init; } = 42;
    public TrainingOptions Training { get; init; } = new();
    /// <summary>"isotonic" or "platt", fitted on the validation part.</summary>
    public string Calibration { get; init; } = "isotonic";
    /// <summary>"exact" (TreeSHAP) or "approximate" (Saabas) attributions when scoring.</summary>
    public string Attribution { get; init; } = "exact";
    public ScoreCombination Combination { get; init; } = ScoreCombination.Default;
    /// <summary>fraud_score from which a claim counts as flagged in the combined metrics: the "high" band.</summary>
    public double CombinedThreshold { get; init; } = 0.6;

    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ModelName) || ModelName.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            problems.Add($"ModelName must be letters, digits, '-' or '_' (got '{ModelName}')");
        if (Calibration is not ("isotonic" or "platt")) problems.Add($"Calibration must be isotonic or platt (got '{Calibration}')");
        if (Attribution is not ("exact" or "approximate")) problems.Add($"Attribution must be exact or approximate (got '{Attribution}')");
        if (problems.Count > 0) throw new ArgumentException("Invalid pipeline options: " + string.Join("; ", problems));
        Training.Validate();
    }
}
