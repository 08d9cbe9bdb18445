namespace AutoShield.Detection.Evaluation;

/// <summary>
/// What an evaluation measured (docs/detection.md defines every figure). <see cref="Classes"/> scores mapped
/// classes; <see cref="ByLabel"/> reports the original data-set labels; FPR counts benign windows flagged as any attack.
/// </summary>
public record EvalMetrics
{
    /// <summary>Windows scored (all of them, unlabelled and unmapped ones included).</summary>
    public int Windows { get; init; }

    /// <summary>Windows whose label maps to a class: what <see cref="Accuracy"/>, <see cref="MacroF1"/> and the confusion matrix count.</summary>
    public int ClassifiedWindows { get; init; }

    public double Accuracy { get; init; }

    /// <summary>Mean F1 over the true classes present (support above 0).</summary>
    public double MacroF1 { get; init; }

    /// <summary>Share of benign windows flagged as any attack (<c>ANOMALY</c> included).</summary>
    public double FalsePositiveRate { get; init; }

    /// <summary>Share of attack windows flagged as any attack.</summary>
    public double DetectionRate { get; init; }

    public required IReadOnlyDictionary<string, ClassMetrics> Classes { get; init; }

    public required IReadOnlyDictionary<string, LabelMetrics> ByLabel { get; init; }

    /// <summary>FPR when the attack-score threshold is lowered until 95 % / 99 % of attack windows score above it (keys "0.95", "0.99").</summary>
    public required IReadOnlyDictionary<string, double?> FprAtDetectionRate { get; init; }

    /// <summary>Detection rates at attack-score thresholds that hold FPR at 0.1 %, 0.5 % and 1 %.</summary>
    public required IReadOnlyList<OperatingPoint> DetectionAtFpr { get; init; }

    public required ConfusionMatrix Confusion { get; init; }

    /// <summary>Area under the ROC curve of the attack score (benign against all attacks); null without both.</summary>
    public double? RocAuc { get; init; }

    public double? AveragePrecision { get; init; }

    public required IReadOnlyList<CurvePoint> Roc { get; init; }

    public required IReadOnlyList<CurvePoint> PrecisionRecall { get; init; }

    public LatencyHistogram? Latency { get; init; }
}
