using AutoShield.Testing;

namespace AutoShield.Metrics.Tests.Exposition;

public sealed class PromtoolTests
{
    [Fact]
    public void CheckMetrics_EveryKindWithEscapesAndSpecialValues_PassesCleanly()
    {
        var registry = new MetricsRegistry();
        var events = registry.Counter("autoshield_flow_events_total", "Flow events read, by source.\nOne line per source.", "source", "kind");
        events.WithLabels("hubble", "tcp").Inc(12);
        events.WithLabels("pcap \"eth0\"", "udp\\dns\nquery").Inc();
        registry.Counter("autoshield_detections", "Detections raised.").Inc(3);
        registry.Gauge("autoshield_queue_depth", "Events waiting for inference.", "stage").WithLabels("window").Set(double.NaN);
        registry.Gauge("autoshield_anomaly_score_max", "Highest anomaly score seen.").Set(double.PositiveInfinity);
        var latency = registry.Histogram(
            "autoshield_inference_duration_seconds",
            "Time to classify one window.",
            Histogram.ExponentialBuckets(0.0005, 2, 8),
            "model");
        latency.WithLabels("cnn_lstm").Observe(0.003);
        latency.WithLabels("transformer").Observe(0.2);
        registry.Histogram("autoshield_window_size_connections", "Connections per window.", Histogram.LinearBuckets(1, 1, 4)).Observe(2);

        var (exitCode, output) = Promtool.CheckMetrics(registry.Expose());

        Assert.True(exitCode == 0 && output.Length == 0, $"promtool exit {exitCode}: {output}");
    }

    [Fact]
    public void CheckMetrics_AbbreviatedUnitName_IsFlagged()
    {
        // Proves the check above can fail: the same tool must object to a name it lints.
        var registry = new MetricsRegistry();
        registry.Gauge("autoshield_latency_ms", "Latency in milliseconds.").Set(1);

        var (exitCode, output) = Promtool.CheckMetrics(registry.Expose());

        Assert.NotEqual(0, exitCode);
        Assert.Contains("autoshield_latency_ms", output, StringComparison.Ordinal);
    }
}
