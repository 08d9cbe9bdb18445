using AutoShield.Core.Flows;
using AutoShield.Ingestion.Simulation.Cluster;
using AutoShield.Ingestion.Simulation.Traffic;

namespace AutoShield.Ingestion.Simulation.Benign;

/// <summary>
/// kubelet probes: from the node's own address (identity 1, <c>reserved:host</c>) to each pod on it, readiness
/// every 10 s and liveness every 20 s, each a fresh connection: HTTP probes get a response and the server closes
/// (kubelet sends <c>Connection: close</c>); TCP probes connect and close.
/// </summary>
internal sealed class ProbeTraffic(int seed) : ITrafficSource
{
    private readonly Random _random = SeedMixer.Random(seed, "probes");
    private SimContext _context = null!;

    public void Start(SimContext context)
    {
        _context = context;
        foreach (var pod in context.Cluster.Pods)
        {
            var workload = pod.Workload!;
            if (workload.ProbePort == 0)
            {
                continue;
            }

            foreach (var (period, path) in new[] { (10.0, workload.ProbePath), (20.0, workload.ProbePath) })
            {
                var first = context.StartNanos + SimContext.Seconds(_random.Uniform(0, period));
                context.Schedule(first, t => Probe(t, pod, SimContext.Seconds(period), path));
            }
        }
    }

    private void Probe(long now, Peer pod, long period, string? path)
    {
        // kubelet keeps a steady period; only scheduling noise moves it.
        _context.Schedule(now + period + (long)_random.Uniform(-2_000_000, 2_000_000), t => Probe(t, pod, period, path));
        var host = _context.Cluster.HostAddress(pod.Node!);
        var c = new SimConnection(host, pod, _random.EphemeralPort(), pod.Workload!.ProbePort, IpProtocol.Tcp, TrafficTag.Benign);
        var ready = TcpDialog.Handshake(_context.Emitter, c, now, _random);
        if (path is null)
        {
            TcpDialog.Close(_context.Emitter, c, ready + TcpDialog.Stack(_random), byClient: true, _random);
            return;
        }

        var delivered = TcpDialog.Exchange(_context.Emitter, c, ready, 110 + path.Length, _random.Next(60, 240), (long)_random.LogNormal(250_000, 0.6), _random);
        TcpDialog.Close(_context.Emitter, c, delivered - c.OneWayNanos + TcpDialog.Stack(_random), byClient: false, _random);
    }
}
