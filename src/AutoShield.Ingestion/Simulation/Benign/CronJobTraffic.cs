using AutoShield.Ingestion.Simulation.Cluster;
using AutoShield.Ingestion.Simulation.Traffic;

namespace AutoShield.Ingestion.Simulation.Benign;

/// <summary>
/// The <c>batch/report-sync</c> CronJob, scheduled every minute: a new pod (new address, endpoint id) starts a few
/// seconds after the minute, bursts hundreds of queries at postgres and pages through the catalog API for a few
/// seconds, closes everything and is gone. Bursty, many connections, then silence.
/// </summary>
internal sealed class CronJobTraffic(int seed) : ITrafficSource
{
    private readonly Random _random = SeedMixer.Random(seed, "cronjob");
    private SimContext _context = null!;
    private ShopBackends _backends = null!;

    public void Start(SimContext context)
    {
        _context = context;
        _backends = new ShopBackends(context, _random, TrafficTag.Benign);
        var minute = SimContext.Seconds(60);
        var first = (context.StartNanos + minute - 1) / minute * minute;
        context.Schedule(first, Run);
    }

    private void Run(long scheduled)
    {
        _context.Schedule(scheduled + SimContext.Seconds(60), Run);
        var start = scheduled + SimContext.Seconds(_random.Uniform(2, 7));
        _context.Schedule(start, _ => Job(start, scheduled));
    }

    private void Job(long now, long scheduled)
    {
        var cluster = _context.Cluster;
        var workload = cluster.Get("batch", "report-sync");
        var name = PodNames.ForCronJob(workload.Name, scheduled / 1_000_000_000, _random);
        var pod = cluster.CreatePod(workload, name, _random.Pick(cluster.Workers), _random, register: false);

        // Parallel workers: each finds the others' connections busy, so the job opens several at once.
        var workers = _random.Next(2, 5);
        var t = now;
        for (var worker = 0; worker < workers; worker++)
        {
            var w = now + (long)_random.Uniform(0, 2_000_000);
            var batches = _random.Next(20, 60);
            for (var i = 0; i < batches; i++)
            {
                w = _backends.Postgres(w, pod, _random.Next(1, 4)) + (long)_random.Exponential(3_000_000);
            }

            t = Math.Max(t, w);
        }

        var pages = _random.Next(10, 60);
        for (var page = 1; page <= pages; page++)
        {
            (t, _) = _backends.CallService(t, pod, "shop", "catalog", "GET", $"/api/products?page={page}&size=100", 260);
        }

        // The pod exits: its pooled connections close as the process ends.
        _context.Schedule(t + SimContext.Millis(_random.Uniform(50, 400)), end =>
        {
            _backends.CloseAll(end, pod);
            cluster.ReleasePod(pod);
        });
    }
}
