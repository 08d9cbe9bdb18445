namespace AutoShield.Metrics.Tests;

public sealed class ConcurrencyTests
{
    private const int Threads = 8;
    private const int PerThread = 50_000;

    [Fact]
    public void Inc_ManyThreadsOnOneChild_LosesNoIncrement()
    {
        var counter = new MetricsRegistry().Counter("events_total", "Events.", "kind");

        RunOnThreads(_ => counter.WithLabels("dns").Inc());

        Assert.Equal(Threads * PerThread, counter.WithLabels("dns").Value);
    }

    [Fact]
    public void IncDec_ManyThreadsOnGauge_BalancesToZero()
    {
        var gauge = new MetricsRegistry().Gauge("in_flight", "In flight.");

        RunOnThreads(thread =>
        {
            gauge.Inc(2);
            gauge.Dec(thread % 2 == 0 ? 1 : 3);
        });

        Assert.Equal(0, gauge.Value);
    }

    [Fact]
    public void Observe_ManyThreads_CountsAndSumsEveryObservation()
    {
        var registry = new MetricsRegistry();
        var histogram = registry.Histogram("size_bytes", "Sizes.", [1, 2]);

        RunOnThreads(thread => histogram.Observe(thread % 3));

        var scrape = MetricsScrape.Parse(registry.Expose());
        Assert.Equal(Threads * PerThread, scrape.Value("size_bytes_count"));
        Assert.Equal(PerThread * Enumerable.Range(0, Threads).Sum(t => t % 3), scrape.Value("size_bytes_sum"));
        Assert.Equal(PerThread * Enumerable.Range(0, Threads).Count(t => t % 3 <= 1), scrape.Value("size_bytes_bucket", "le", "1"));
    }

    [Fact]
    public void WithLabels_ManyThreadsRacingForNewChildren_AllShareOneChildPerValue()
    {
        var counter = new MetricsRegistry().Counter("events_total", "Events.", "pod");

        RunOnThreads(thread => counter.WithLabels("pod-" + (thread % 4)).Inc(), perThread: 1_000);

        for (var pod = 0; pod < 4; pod++)
        {
            Assert.Equal(2 * 1_000, counter.WithLabels("pod-" + pod).Value);
        }
    }

    [Fact]
    public async Task Expose_WhileThreadsIncrement_NeverSeesAHistogramCountBehindItsBuckets()
    {
        var registry = new MetricsRegistry();
        var histogram = registry.Histogram("size_bytes", "Sizes.", [1]);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                histogram.Observe(0.5);
            }
        });

        for (var i = 0; i < 200; i++)
        {
            var scrape = MetricsScrape.Parse(registry.Expose());
            Assert.Equal(scrape.Value("size_bytes_bucket", "le", "+Inf"), scrape.Value("size_bytes_count"));
        }

        await stop.CancelAsync();
        await writer;
    }

    private static void RunOnThreads(Action<int> work, int perThread = PerThread)
    {
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < perThread; i++)
            {
                work(t);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
    }
}
