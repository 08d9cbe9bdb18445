namespace AutoShield.Metrics.Tests;

public sealed class HistogramTests
{
    [Fact]
    public void Observe_SeveralValues_WritesCumulativeBucketsSumAndCount()
    {
        var registry = new MetricsRegistry();
        var histogram = registry.Histogram("latency_seconds", "Latency.", [1, 2, 5]);

        foreach (var value in new[] { 0.5, 1, 2, 7 })
        {
            histogram.Observe(value);
        }

        Assert.Equal(
            """
            # HELP latency_seconds Latency.
            # TYPE latency_seconds histogram
            latency_seconds_bucket{le="1"} 2
            latency_seconds_bucket{le="2"} 3
            latency_seconds_bucket{le="5"} 3
            latency_seconds_bucket{le="+Inf"} 4
            latency_seconds_sum 10.5
            latency_seconds_count 4

            """,
            registry.Expose());
    }

    [Fact]
    public void Observe_LabelledChild_PutsLeAfterItsLabels()
    {
        var registry = new MetricsRegistry();
        var histogram = registry.Histogram("latency_seconds", "Latency.", [0.25], "stage");

        histogram.WithLabels("parse").Observe(0.1);

        var text = registry.Expose();
        Assert.Contains("latency_seconds_bucket{stage=\"parse\",le=\"0.25\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("latency_seconds_bucket{stage=\"parse\",le=\"+Inf\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("latency_seconds_count{stage=\"parse\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Observe_NaN_CountsInInfBucketOnly()
    {
        var registry = new MetricsRegistry();
        var histogram = registry.Histogram("latency_seconds", "Latency.", [1]);

        histogram.Observe(double.NaN);

        var scrape = MetricsScrape.Parse(registry.Expose());
        Assert.Equal(0, scrape.Value("latency_seconds_bucket", "le", "1"));
        Assert.Equal(1, scrape.Value("latency_seconds_bucket", "le", "+Inf"));
        Assert.True(double.IsNaN(scrape.Value("latency_seconds_sum")));
    }

    [Fact]
    public void Histogram_TrailingInfBound_IsNotWrittenTwice()
    {
        var registry = new MetricsRegistry();
        registry.Histogram("latency_seconds", "Latency.", [1, double.PositiveInfinity]).Observe(3);

        var infBuckets = MetricsScrape.Parse(registry.Expose()).Samples.Count(s => s.Labels.GetValueOrDefault("le") == "+Inf");

        Assert.Equal(1, infBuckets);
    }

    [Theory]
    [InlineData(new[] { 1.0, 1.0 })]
    [InlineData(new[] { 2.0, 1.0 })]
    [InlineData(new[] { 1.0, double.NaN })]
    [InlineData(new[] { double.PositiveInfinity, double.PositiveInfinity })]
    public void Histogram_BoundsNotStrictlyIncreasing_Throws(double[] buckets)
    {
        var registry = new MetricsRegistry();

        var error = Assert.Throws<ArgumentException>(() => registry.Histogram("latency_seconds", "Latency.", buckets));

        Assert.Contains("strictly increasing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExponentialBuckets_StartFactorCount_MultipliesEachBound()
    {
        Assert.Equal([0.5, 1, 2, 4], Histogram.ExponentialBuckets(0.5, 2, 4));
    }

    [Fact]
    public void LinearBuckets_StartWidthCount_StepsEachBound()
    {
        Assert.Equal([0, 5, 10], Histogram.LinearBuckets(0, 5, 3));
    }

    [Theory]
    [InlineData(0, 2, 3)]
    [InlineData(1, 1, 3)]
    [InlineData(1, 2, 0)]
    public void ExponentialBuckets_BadArguments_Throw(double start, double factor, int count)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Histogram.ExponentialBuckets(start, factor, count));
    }

    [Theory]
    [InlineData(0, 0, 3)]
    [InlineData(0, 1, 0)]
    public void LinearBuckets_BadArguments_Throw(double start, double width, int count)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Histogram.LinearBuckets(start, width, count));
    }
}
