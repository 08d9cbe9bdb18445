namespace AutoShield.Metrics.Tests;

public sealed class GaugeTests
{
    [Fact]
    public void SetIncDec_InSequence_TracksValue()
    {
        var gauge = new MetricsRegistry().Gauge("queue_depth", "Queued events.");

        gauge.Set(10);
        gauge.Inc();
        gauge.Dec(4);
        gauge.Inc(-0.5);

        Assert.Equal(6.5, gauge.Value);
    }

    [Fact]
    public void Remove_ExistingChild_DropsItFromExposition()
    {
        var registry = new MetricsRegistry();
        var gauge = registry.Gauge("pod_connections", "Live connections per pod.", "pod");
        gauge.WithLabels("web-1").Set(3);
        gauge.WithLabels("web-2").Set(4);

        var removed = gauge.Remove("web-1");

        Assert.True(removed);
        var scrape = MetricsScrape.Parse(registry.Expose());
        Assert.Equal(["web-2"], scrape.Samples.Select(s => s.Labels["pod"]));
    }

    [Fact]
    public void Remove_UnknownChild_ReturnsFalse()
    {
        var gauge = new MetricsRegistry().Gauge("pod_connections", "Live connections per pod.", "pod");

        Assert.False(gauge.Remove("web-9"));
    }

    [Fact]
    public void Remove_ThenWithLabels_StartsAFreshChild()
    {
        var gauge = new MetricsRegistry().Gauge("pod_connections", "Live connections per pod.", "pod");
        gauge.WithLabels("web-1").Set(3);

        gauge.Remove("web-1");

        Assert.Equal(0, gauge.WithLabels("web-1").Value);
    }

    [Fact]
    public void CollectCallback_EachExposition_RefreshesGaugeFirst()
    {
        var registry = new MetricsRegistry();
        var gauge = registry.Gauge("tracked_pairs", "Pairs being tracked.");
        var live = 0;
        registry.CollectCallback(() => gauge.Set(live));

        live = 7;
        var first = MetricsScrape.Parse(registry.Expose()).Value("tracked_pairs");
        live = 9;
        var second = MetricsScrape.Parse(registry.Expose()).Value("tracked_pairs");

        Assert.Equal(7, first);
        Assert.Equal(9, second);
    }
}
