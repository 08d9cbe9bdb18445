using AutoShield.Testing;

namespace AutoShield.Metrics.Tests;

public sealed class AllocationTests
{
    private const int Calls = 10_000;

    [Fact]
    public void Inc_ExistingCounterChild_AllocatesNothing()
    {
        var child = new MetricsRegistry().Counter("events_total", "Events.", "kind").WithLabels("dns");

        var bytes = Allocations.LeastPerRound(() =>
        {
            for (var i = 0; i < Calls; i++)
            {
                child.Inc();
            }
        });

        Assert.Equal(0, bytes);
    }

    [Fact]
    public void WithLabelsThenInc_ExistingChildByOneOrTwoValues_AllocatesNothing()
    {
        var registry = new MetricsRegistry();
        var byKind = registry.Counter("events_total", "Events.", "kind");
        var byPair = registry.Counter("pair_events_total", "Events.", "src", "dst");
        byKind.WithLabels("dns");
        byPair.WithLabels("web", "db");

        var bytes = Allocations.LeastPerRound(() =>
        {
            for (var i = 0; i < Calls; i++)
            {
                byKind.WithLabels("dns").Inc();
                byPair.WithLabels("web", "db").Inc();
            }
        });

        Assert.Equal(0, bytes);
    }

    [Fact]
    public void SetIncDec_ExistingGaugeChild_AllocatesNothing()
    {
        var child = new MetricsRegistry().Gauge("in_flight", "In flight.", "stage").WithLabels("window");

        var bytes = Allocations.LeastPerRound(() =>
        {
            for (var i = 0; i < Calls; i++)
            {
                child.Set(i);
                child.Inc();
                child.Dec();
            }
        });

        Assert.Equal(0, bytes);
    }

    [Fact]
    public void Observe_ExistingHistogramChild_AllocatesNothing()
    {
        var child = new MetricsRegistry()
            .Histogram("latency_seconds", "Latency.", Histogram.ExponentialBuckets(0.001, 2, 12), "model")
            .WithLabels("cnn_lstm");

        var bytes = Allocations.LeastPerRound(() =>
        {
            for (var i = 0; i < Calls; i++)
            {
                child.Observe(i * 0.0001);
            }
        });

        Assert.Equal(0, bytes);
    }

    [Fact]
    public void WithLabels_NewValuesEachCall_DoesAllocate()
    {
        // The measurement above is only meaningful if it notices allocations: creating children must show up.
        var counter = new MetricsRegistry().Counter("events_total", "Events.", "kind");
        var names = Enumerable.Range(0, 4 * Calls).Select(i => "k" + i).ToArray();
        var next = 0;

        var bytes = Allocations.LeastPerRound(() =>
        {
            for (var i = 0; i < Calls; i++)
            {
                counter.WithLabels(names[next++]).Inc();
            }
        });

        Assert.True(bytes > 0);
    }
}
