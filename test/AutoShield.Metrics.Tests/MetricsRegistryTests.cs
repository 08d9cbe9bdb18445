namespace AutoShield.Metrics.Tests;

public sealed class MetricsRegistryTests
{
    [Fact]
    public void Counter_SameNameTypeAndLabels_ReturnsExistingFamily()
    {
        var registry = new MetricsRegistry();

        var first = registry.Counter("events_total", "Events.", "kind");
        var second = registry.Counter("events_total", "Other help is ignored.", "kind");

        Assert.Same(first, second);
    }

    [Fact]
    public void Counter_NameWithoutTotal_IsExposedWithTotalAndSharesTheFamily()
    {
        var registry = new MetricsRegistry();

        var plain = registry.Counter("events", "Events.");
        plain.Inc();

        Assert.Same(plain, registry.Counter("events_total", "Events."));
        Assert.Equal(1, MetricsScrape.Parse(registry.Expose()).Value("events_total"));
    }

    [Fact]
    public void Gauge_NameTakenByCounter_ThrowsNamingBothShapes()
    {
        var registry = new MetricsRegistry();
        registry.Counter("events_total", "Events.", "kind");

        var error = Assert.Throws<ArgumentException>(() => registry.Gauge("events_total", "Events.", "kind"));

        Assert.Contains("already registered as a counter with labels [kind]", error.Message, StringComparison.Ordinal);
        Assert.Contains("as a gauge", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Counter_SameNameOtherLabels_Throws()
    {
        var registry = new MetricsRegistry();
        registry.Counter("events_total", "Events.", "kind");

        var error = Assert.Throws<ArgumentException>(() => registry.Counter("events_total", "Events.", "kind", "pod"));

        Assert.Contains("[kind, pod]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Histogram_SameNameOtherBuckets_Throws()
    {
        var registry = new MetricsRegistry();
        registry.Histogram("latency_seconds", "Latency.", [1, 2]);

        Assert.Throws<ArgumentException>(() => registry.Histogram("latency_seconds", "Latency.", [1, 3]));
    }

    [Fact]
    public void Histogram_SameNameSameBuckets_ReturnsExistingFamily()
    {
        var registry = new MetricsRegistry();

        var first = registry.Histogram("latency_seconds", "Latency.", [1, 2]);

        Assert.Same(first, registry.Histogram("latency_seconds", "Latency.", [1, 2, double.PositiveInfinity]));
    }

    [Fact]
    public void Histogram_SampleNameTakenByGauge_Throws()
    {
        var registry = new MetricsRegistry();
        registry.Gauge("latency_seconds_count", "A clashing gauge.");

        var error = Assert.Throws<ArgumentException>(() => registry.Histogram("latency_seconds", "Latency.", [1]));

        Assert.Contains("latency_seconds_count", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gauge_NameOfHistogramSample_Throws()
    {
        var registry = new MetricsRegistry();
        registry.Histogram("latency_seconds", "Latency.", [1]);

        Assert.Throws<ArgumentException>(() => registry.Gauge("latency_seconds_bucket", "A clashing gauge."));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1events")]
    [InlineData("events-total")]
    [InlineData("events total")]
    [InlineData("événements")]
    public void Gauge_InvalidMetricName_Throws(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new MetricsRegistry().Gauge(name, "Help."));

        Assert.Contains("not a valid metric name", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("events")]
    [InlineData("_events")]
    [InlineData("autoshield:events:rate5m")]
    [InlineData("E9")]
    public void Gauge_ValidMetricName_Registers(string name)
    {
        var gauge = new MetricsRegistry().Gauge(name, "Help.");

        Assert.Equal(0, gauge.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("__name")]
    [InlineData("pod:name")]
    [InlineData("9pod")]
    [InlineData("pod-name")]
    public void Gauge_InvalidLabelName_Throws(string label)
    {
        var error = Assert.Throws<ArgumentException>(() => new MetricsRegistry().Gauge("queue_depth", "Help.", label));

        Assert.Contains("not a valid label name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gauge_RepeatedLabelName_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new MetricsRegistry().Gauge("queue_depth", "Help.", "pod", "pod"));

        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Histogram_LeLabel_ThrowsButGaugeMayUseIt()
    {
        var registry = new MetricsRegistry();

        var error = Assert.Throws<ArgumentException>(() => registry.Histogram("latency_seconds", "Latency.", [1], "le"));
        var gauge = registry.Gauge("queue_depth", "Help.", "le");

        Assert.Contains("'le'", error.Message, StringComparison.Ordinal);
        Assert.NotNull(gauge.WithLabels("x"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Counter_BlankHelp_Throws(string help)
    {
        Assert.Throws<ArgumentException>(() => new MetricsRegistry().Counter("events_total", help));
    }

    [Fact]
    public async Task WriteToAsync_AnyRegistry_WritesUtf8WithoutBomSameAsExpose()
    {
        var registry = new MetricsRegistry();
        registry.Gauge("queue_depth", "Héllo.", "pod").WithLabels("wéb").Set(1);
        using var stream = new MemoryStream();

        await registry.WriteToAsync(stream, CancellationToken.None);

        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(registry.Expose()), stream.ToArray());
    }

    [Fact]
    public void WriteTo_AnyRegistry_WritesSameBytesAsExpose()
    {
        var registry = new MetricsRegistry();
        registry.Counter("events_total", "Events.").Inc();
        using var stream = new MemoryStream();

        registry.WriteTo(stream);

        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(registry.Expose()), stream.ToArray());
    }

    [Fact]
    public void ContentType_IsTextFormat004()
    {
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", MetricsRegistry.ContentType);
    }
}
