using System.Globalization;
using AutoShield.Ingestion.Simulation.Cluster;
using AutoShield.Ingestion.Simulation.Traffic;

namespace AutoShield.Ingestion.Simulation.Benign;

/// <summary>
/// Prometheus scraping every pod's metrics port and every node's node-exporter (9100, plain HTTP) and kubelet
/// (10250, TLS) on a fixed interval, each target at its own offset, over kept-alive connections. The Prometheus
/// pod has egress L7 visibility, so plain-HTTP scrapes appear as L7 events like the real samples.
/// </summary>
internal sealed class ScrapeTraffic(int seed) : ITrafficSource
{
    private const ushort NodeExporterPort = 9100;
    private const ushort KubeletPort = 10250;

    private readonly Random _random = SeedMixer.Random(seed, "scrapes");
    private SimContext _context = null!;
    private ConnectionPool _pool = null!;
    private ConnectionPool _tlsPool = null!;
    private Peer _prometheus = null!;

    public void Start(SimContext context)
    {
        _context = context;
        _pool = new ConnectionPool(context, _random, TrafficTag.Benign, SimContext.Seconds(600));
        _tlsPool = new ConnectionPool(context, _random, TrafficTag.Benign, SimContext.Seconds(600)) { Tls = true };
        _prometheus = context.Cluster.Get("monitoring", "prometheus").Pods[0];
        var interval = SimContext.Seconds(_random.Chance(0.5) ? 15 : 30);
        foreach (var pod in context.Cluster.Pods)
        {
            if (pod.Workload!.MetricsPort != 0)
            {
                Begin(context, interval, pod, pod.Workload.MetricsPort, tls: false);
            }
        }

        foreach (var node in context.Cluster.NodeAddresses)
        {
            Begin(context, interval, node, NodeExporterPort, tls: false);
            Begin(context, interval, node, KubeletPort, tls: true);
        }
    }

    private void Begin(SimContext context, long interval, Peer target, ushort port, bool tls)
    {
        var offset = (long)(_random.NextDouble() * interval);
        context.Schedule(context.StartNanos + offset, t => Scrape(t, interval, target, port, tls));
    }

    private void Scrape(long now, long interval, Peer target, ushort port, bool tls)
    {
        _context.Schedule(now + interval, t => Scrape(t, interval, target, port, tls));
        var (c, ready) = (tls ? _tlsPool : _pool).Acquire(now, _prometheus, target, port, null, tls ? L7Mode.None : L7Mode.ClientEgress);
        var url = string.Create(CultureInfo.InvariantCulture, $"http://{target.IpText}:{port}/metrics");
        KeyValuePair<string, string>[] headers =
        [
            new("Accept", "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"),
            new("Accept-Encoding", "gzip"),
            new("User-Agent", "Prometheus/2.53.1"),
            new("X-Prometheus-Scrape-Timeout-Seconds", "10"),
        ];
        var request = new HttpRequest("GET", port == KubeletPort ? url.Replace("http:", "https:", StringComparison.Ordinal) : url, headers, 260);
        var (arrived, logged) = HttpExchange.SendRequest(_context, c, ready, request, _random);
        var code = _random.Chance(0.004) ? 503 : 200;
        var bytes = code == 200 ? (int)_random.LogNormal(port == KubeletPort ? 90_000 : 18_000, 0.5) : 120;
        var back = HttpExchange.SendResponse(_context, c, request, arrived, logged, arrived + (long)_random.LogNormal(6_000_000, 0.8),
            code, bytes, "text/plain; version=0.0.4; charset=utf-8", _random, maxSegments: 6);
        ConnectionPool.Release(c, back);
    }
}
