using AutoShield.Detection.Evaluation;

namespace AutoShield.Detection.Tests.Evaluation;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void From_Values_BinnedByLowerEdgeWithPercentiles()
    {
        var histogram = LatencyHistogram.From([1, 3, 3, 40, 20_000])!;

        Assert.Equal(5, histogram.Counts.Sum());
        Assert.Equal(1, histogram.Counts[0]);
        Assert.Equal(2, histogram.Counts[1]);
        Assert.Equal(1, histogram.Counts[4]);
        Assert.Equal(1, histogram.Counts[^1]);
        Assert.Equal(3, histogram.P50Micros);
        Assert.Equal(20_000, histogram.MaxMicros);
    }

    [Fact]
    public void From_Nothing_IsNull()
    {
        Assert.Null(LatencyHistogram.From([]));
        Assert.Null(LatencyHistogram.From(null));
    }
}
