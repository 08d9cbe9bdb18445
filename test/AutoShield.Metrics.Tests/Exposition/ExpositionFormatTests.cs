namespace AutoShield.Metrics.Tests.Exposition;

public sealed class ExpositionFormatTests
{
    [Fact]
    public void Expose_CounterAndGauge_WritesHelpTypeAndSamples()
    {
        var registry = new MetricsRegistry();
        registry.Counter("events_total", "Flow events read.", "source").WithLabels("hubble").Inc(3);
        registry.Gauge("queue_depth", "Events waiting.").Set(2);

        Assert.Equal(
            """
            # HELP events_total Flow events read.
            # TYPE events_total counter
            events_total{source="hubble"} 3
            # HELP queue_depth Events waiting.
            # TYPE queue_depth gauge
            queue_depth 2

            """,
            registry.Expose());
    }

    [Fact]
    public void Expose_LabelValueWithBackslashQuoteNewline_EscapesThem()
    {
        var registry = new MetricsRegistry();
        registry.Gauge("pod_info", "Pod.", "name").WithLabels("a\\b\"c\nd").Set(1);

        Assert.Contains("pod_info{name=\"a\\\\b\\\"c\\nd\"} 1\n", registry.Expose(), StringComparison.Ordinal);
    }

    [Fact]
    public void Expose_HelpWithBackslashNewlineQuote_EscapesBackslashAndNewlineOnly()
    {
        var registry = new MetricsRegistry();
        registry.Gauge("queue_depth", "first line\nC:\\path \"quoted\"").Set(1);

        Assert.Contains("# HELP queue_depth first line\\nC:\\\\path \"quoted\"\n", registry.Expose(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(0d, "0")]
    [InlineData(42d, "42")]
    [InlineData(-7d, "-7")]
    [InlineData(1e15, "1000000000000000")]
    [InlineData(9007199254740992d, "9007199254740992")]
    [InlineData(0.25, "0.25")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(1e-7, "1E-07")]
    [InlineData(1e300, "1E+300")]
    public void Expose_GaugeValue_FormatsAsTextFormat(double value, string expected)
    {
        var registry = new MetricsRegistry();
        registry.Gauge("value", "A value.").Set(value);

        Assert.EndsWith($"\nvalue {expected}\n", registry.Expose(), StringComparison.Ordinal);
    }

    [Fact]
    public void Expose_FamiliesRegisteredOutOfOrder_SortsByName()
    {
        var registry = new MetricsRegistry();
        registry.Gauge("zeta", "Z.").Set(1);
        registry.Gauge("alpha", "A.").Set(1);
        registry.Gauge("mid", "M.").Set(1);

        var names = MetricsScrape.Parse(registry.Expose()).Samples.Select(s => s.Name);

        Assert.Equal(["alpha", "mid", "zeta"], names);
    }

    [Fact]
    public void Expose_ChildrenCreatedOutOfOrder_SortsByLabelValues()
    {
        var registry = new MetricsRegistry();
        var gauge = registry.Gauge("pairs", "Pairs.", "src", "dst");
        gauge.WithLabels("b", "a").Set(1);
        gauge.WithLabels("a", "z").Set(2);
        gauge.WithLabels("a", "b").Set(3);

        var order = MetricsScrape.Parse(registry.Expose()).Samples.Select(s => s.Labels["src"] + s.Labels["dst"]);

        Assert.Equal(["ab", "az", "ba"], order);
    }

    [Fact]
    public void Expose_LabelledFamilyWithoutChildren_WritesNothing()
    {
        var registry = new MetricsRegistry();
        registry.Counter("events_total", "Events.", "kind");

        Assert.Equal("", registry.Expose());
    }

    [Fact]
    public void Expose_UnlabelledFamilyNeverTouched_WritesZero()
    {
        var registry = new MetricsRegistry();
        registry.Counter("events_total", "Events.");

        Assert.EndsWith("\nevents_total 0\n", registry.Expose(), StringComparison.Ordinal);
    }
}
