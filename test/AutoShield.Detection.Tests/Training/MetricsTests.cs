using AutoShield.Detection.Training;

namespace AutoShield.Detection.Tests.Training;

public sealed class MetricsTests
{
    [Fact]
    public void Compute_MixedPredictions_GivesPerClassAndMacroF1()
    {
        // Class 0: tp 2 of 3, guessed 3 → F1 2/3; class 1: tp 1 of 2, guessed 2 → 1/2; class 2: 1 of 1 → 1; class 3 absent.
        int[] truth = [0, 0, 0, 1, 1, 2];
        int[] predicted = [0, 0, 1, 1, 0, 2];

        var report = ClassificationReport.Compute(truth, predicted, 4);

        Assert.Equal(4.0 / 6, report.Accuracy, 1e-9);
        Assert.Equal(2.0 / 3, report.F1[0], 1e-9);
        Assert.Equal(0.5, report.F1[1], 1e-9);
        Assert.Equal(1.0, report.F1[2], 1e-9);
        Assert.Equal(((2.0 / 3) + 0.5 + 1.0) / 3, report.MacroF1, 1e-9);
        Assert.Equal([3, 2, 1, 0], report.Support);
    }

    [Fact]
    public void Quantile_Values_InterpolatesLikeNumpy()
    {
        float[] values = [5, 1, 4, 2, 3];

        Assert.Equal(1f, Quantile.Of(values, 0f));
        Assert.Equal(3f, Quantile.Of(values, 0.5f));
        Assert.Equal(4.96f, Quantile.Of(values, 0.99f), 1e-5f);
        Assert.Equal(5f, Quantile.Of(values, 1f));
    }

    [Fact]
    public void Stratified_SeededSplit_HoldsOutEachClassProportionallyAndRepeats()
    {
        var labels = Enumerable.Range(0, 100).Select(i => i < 80 ? 0 : i < 95 ? 1 : 2).Append(3).ToArray();

        var (train, validation) = DataSplit.Stratified(labels, 4, 0.2f, new Random(1));
        var again = DataSplit.Stratified(labels, 4, 0.2f, new Random(1));

        Assert.Equal(16, validation.Count(i => labels[i] == 0));
        Assert.Equal(3, validation.Count(i => labels[i] == 1));
        Assert.Equal(1, validation.Count(i => labels[i] == 2));
        Assert.Equal(0, validation.Count(i => labels[i] == 3));
        Assert.Equal(101, train.Length + validation.Length);
        Assert.Empty(train.Intersect(validation));
        Assert.Equal(validation, again.Validation);
    }
}
