namespace AutoShield.Detection.Evaluation;

/// <summary>
/// The attack-score threshold that keeps the benign false-positive rate at or under <see cref="TargetFpr"/> (windows
/// scoring above it are flagged), the FPR it gives, and the detection rate of all attacks and of each attack class.
/// </summary>
public sealed record OperatingPoint(
    double TargetFpr, double Threshold, double Fpr, double DetectionRate, IReadOnlyDictionary<string, double> DetectionRateByClass);
