using AutoShield.Ingestion.Simulation.Traffic;

namespace AutoShield.Ingestion.Simulation.Benign;

/// <summary>
/// A Grafana dashboard left open on a wall screen: every refresh interval Grafana sends a handful of range queries
/// to Prometheus. Periodic, internal, small: the benign twin of a beacon.
/// </summary>
internal sealed class DashboardTraffic(int seed) : ITrafficSource
{
    private readonly Random _random = SeedMixer.Random(seed, "dashboards");
    private SimContext _context = null!;
    private ConnectionPool _pool = null!;

    public void Start(SimContext context)
    {
        _context = context;
        _pool = new ConnectionPool(context, _random, TrafficTag.Benign, SimContext.Seconds(90));
        var refresh = SimContext.Seconds(_random.Chance(0.5) ? 10 : 30);
        context.Schedule(context.StartNanos + (long)(_random.NextDouble() * refresh), t => Refresh(t, refresh));
    }

    private void Refresh(long now, long refresh)
    {
        _context.Schedule(now + refresh, t => Refresh(t, refresh));
        var grafana = _context.Cluster.Get("monitoring", "grafana").Pods[0];
        var prometheus = _context.Cluster.Get("monitoring", "prometheus");
        var t = _context.Dns.Resolve(now, grafana, prometheus.Service!.NameFrom("monitoring"), TrafficTag.Benign, _random);
        var panels = _random.Next(4, 9);
        for (var i = 0; i < panels; i++)
        {
            var (c, ready) = _pool.Acquire(t, grafana, prometheus.Pods[0], prometheus.Port, prometheus.Service, L7Mode.None);
            var back = TcpDialog.Exchange(_context.Emitter, c, ready, _random.Next(400, 900), (int)_random.LogNormal(6_000, 0.8),
                (long)_random.LogNormal(15_000_000, 0.7), _random);
            ConnectionPool.Release(c, back);
            t += (long)_random.Uniform(200_000, 3_000_000);
        }
    }
}
