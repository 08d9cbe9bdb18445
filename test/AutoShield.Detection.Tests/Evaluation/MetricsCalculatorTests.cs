using AutoShield.Core.Detections;
using AutoShield.Detection.Evaluation;
using AutoShield.Detection.Tests.Data;

namespace AutoShield.Detection.Tests.Evaluation;

public sealed class MetricsCalculatorTests
{
    // Truth: 4 benign, 3 port scan (CIC spelling), 2 floods, 1 unlabelled.
    private static readonly string?[] Labels = ["BENIGN", "BENIGN", "BENIGN", "BENIGN", "PortScan", "PortScan", "PortScan", "DDoS", "DDoS", null];

    private static readonly string[] Predicted =
    [
        AttackClass.Benign, AttackClass.Benign, AttackClass.PortScan, AttackClass.Anomaly,
        AttackClass.PortScan, AttackClass.PortScan, AttackClass.Benign,
        AttackClass.SynFlood, AttackClass.PortScan,
        AttackClass.SynFlood,
    ];

    private static readonly float[] Scores = [0.1f, 0.2f, 0.7f, 0.6f, 0.9f, 0.8f, 0.3f, 0.95f, 0.85f, 0.9f];

    [Fact]
    public void Compute_HandCountedConfusion_PerClassFigures()
    {
        var data = TestDatasets.Labelled(Labels);

        var metrics = MetricsCalculator.Compute(data, data.All(), new ScoredWindows(Predicted, Scores));

        Assert.Equal(10, metrics.Windows);
        Assert.Equal(9, metrics.ClassifiedWindows);
        Assert.Equal([AttackClass.Benign, AttackClass.PortScan, AttackClass.SynFlood], metrics.Confusion.Truth);
        Assert.Equal([AttackClass.Benign, AttackClass.PortScan, AttackClass.SynFlood, AttackClass.Anomaly], metrics.Confusion.Predicted);
        Assert.Equal([2, 1, 0, 1], metrics.Confusion.Counts[0]);
        Assert.Equal([1, 2, 0, 0], metrics.Confusion.Counts[1]);
        Assert.Equal([0, 1, 1, 0], metrics.Confusion.Counts[2]);

        // Benign: TP 2, predicted 3, support 4.
        Assert.Equal(2.0 / 3, metrics.Classes[AttackClass.Benign].Precision, 12);
        Assert.Equal(0.5, metrics.Classes[AttackClass.Benign].Recall, 12);
        // Port scan: TP 2, predicted 4 (one benign, one flood), support 3.
        Assert.Equal(0.5, metrics.Classes[AttackClass.PortScan].Precision, 12);
        Assert.Equal(2.0 / 3, metrics.Classes[AttackClass.PortScan].Recall, 12);
        Assert.Equal(2.0 / 3, metrics.Classes[AttackClass.PortScan].DetectionRate!.Value, 12);
        // Flood: TP 1, predicted 1, support 2; both windows flagged as some attack.
        Assert.Equal(1.0, metrics.Classes[AttackClass.SynFlood].Precision, 12);
        Assert.Equal(0.5, metrics.Classes[AttackClass.SynFlood].Recall, 12);
        Assert.Equal(1.0, metrics.Classes[AttackClass.SynFlood].DetectionRate!.Value, 12);
        Assert.Equal(0, metrics.Classes[AttackClass.Anomaly].Support);

        var f1 = new[] { 2 * (2.0 / 3) * 0.5 / ((2.0 / 3) + 0.5), 2 * 0.5 * (2.0 / 3) / (0.5 + (2.0 / 3)), 2 * 1.0 * 0.5 / 1.5 };
        Assert.Equal(f1.Average(), metrics.MacroF1, 12);
        Assert.Equal(5.0 / 9, metrics.Accuracy, 12);
        Assert.Equal(0.5, metrics.FalsePositiveRate, 12);
        Assert.Equal(4.0 / 5, metrics.DetectionRate, 12);
    }

    [Fact]
    public void Compute_ByLabel_ShareFlaggedPerOriginalLabel()
    {
        var data = TestDatasets.Labelled(Labels);

        var metrics = MetricsCalculator.Compute(data, data.All(), new ScoredWindows(Predicted, Scores));

        Assert.Equal(0.5, metrics.ByLabel["BENIGN"].DetectionRate, 12);
        Assert.Equal(2.0 / 3, metrics.ByLabel["PortScan"].DetectionRate, 12);
        Assert.Equal(AttackClass.PortScan, metrics.ByLabel["PortScan"].MappedClass);
        Assert.Equal(1.0, metrics.ByLabel["DDoS"].DetectionRate, 12);
        Assert.Equal(1, metrics.ByLabel[MetricsCalculator.Unlabelled].Flagged);
    }

    [Fact]
    public void Compute_Scores_FprAtDetectionRateAndOperatingPoints()
    {
        var data = TestDatasets.Labelled(Labels);

        var metrics = MetricsCalculator.Compute(data, data.All(), new ScoredWindows(Predicted, Scores));

        // Attack scores 0.9 0.8 0.3 0.95 0.85: 95 % of 5 needs all five, down to 0.3; benign 0.7 and 0.6 score above it.
        Assert.Equal(0.5, metrics.FprAtDetectionRate["0.95"]!.Value, 12);
        // Holding FPR at 1 % of 4 benign windows allows none: the threshold is the top benign score, 0.7.
        var point = metrics.DetectionAtFpr.Single(p => p.TargetFpr == 0.01);
        Assert.Equal(0.7, point.Threshold, 6);
        Assert.Equal(0, point.Fpr);
        Assert.Equal(4.0 / 5, point.DetectionRate, 12);
        Assert.Equal(2.0 / 3, point.DetectionRateByClass[AttackClass.PortScan], 12);
        Assert.InRange(metrics.RocAuc!.Value, 0.5, 1.0);
    }

    [Fact]
    public void Compute_PerfectSeparation_AucAndAveragePrecisionAreOne()
    {
        var data = TestDatasets.Labelled("BENIGN", "BENIGN", "PortScan", "PortScan");
        var scored = new ScoredWindows([AttackClass.Benign, AttackClass.Benign, AttackClass.PortScan, AttackClass.PortScan], [0.1f, 0.2f, 0.8f, 0.9f]);

        var metrics = MetricsCalculator.Compute(data, data.All(), scored);

        Assert.Equal(1.0, metrics.RocAuc!.Value, 12);
        Assert.Equal(1.0, metrics.AveragePrecision!.Value, 12);
        Assert.Equal(0.0, metrics.FprAtDetectionRate["0.99"]!.Value, 12);
        Assert.Equal((0.0, 0.0), (metrics.Roc[0].X, metrics.Roc[0].Y));
        Assert.Equal((1.0, 1.0), (metrics.Roc[^1].X, metrics.Roc[^1].Y));
    }

    [Fact]
    public void Compute_NoAttacks_CurvesEmptyAndAreasNull()
    {
        var data = TestDatasets.Labelled("BENIGN", "BENIGN");

        var metrics = MetricsCalculator.Compute(data, data.All(), new ScoredWindows([AttackClass.Benign, AttackClass.Benign], [0.1f, 0.2f]));

        Assert.Null(metrics.RocAuc);
        Assert.Empty(metrics.Roc);
        Assert.Null(metrics.FprAtDetectionRate["0.95"]);
    }
}
