using AutoShield.Core.Flows;
using AutoShield.Ingestion.Simulation.Cluster;
using AutoShield.Ingestion.Simulation.Traffic;

namespace AutoShield.Ingestion.Simulation.Benign;

/// <summary>
/// Controllers watching the API server (CoreDNS, ingress-nginx, Prometheus discovery, AutoShield): one long-lived
/// TLS connection each to the <c>kubernetes</c> service, with watch events streaming back at irregular intervals
/// and HTTP/2 pings every 30 s.
/// </summary>
internal sealed class WatchTraffic(int seed) : ITrafficSource
{
    private static readonly (string Namespace, string Name)[] Watchers =
    [
        ("kube-system", "coredns"),
        ("ingress-nginx", "ingress-nginx-controller"),
        ("monitoring", "prometheus"),
        ("autoshield-system", "autoshield"),
    ];

    private readonly Random _random = SeedMixer.Random(seed, "watches");
    private SimContext _context = null!;

    public void Start(SimContext context)
    {
        _context = context;
        foreach (var (ns, name) in Watchers)
        {
            foreach (var pod in context.Cluster.Get(ns, name).Pods)
            {
                context.Schedule(context.StartNanos + SimContext.Seconds(_random.Uniform(0, 4)), t => Open(t, pod));
            }
        }
    }

    private void Open(long now, Peer pod)
    {
        var c = new SimConnection(pod, _context.Cluster.ApiServer, _random.EphemeralPort(), ClusterModel.ApiServerPort, IpProtocol.Tcp,
            TrafficTag.Benign, _context.Cluster.KubernetesService);
        var ready = TcpDialog.Handshake(_context.Emitter, c, now, _random);
        ready = TcpDialog.TlsHandshake(_context.Emitter, c, ready, _random);
        var back = TcpDialog.Exchange(_context.Emitter, c, ready, _random.Next(300, 700), (int)_random.LogNormal(40_000, 0.8),
            (long)_random.LogNormal(8_000_000, 0.5), _random, maxResponseSegments: 6);
        _context.Schedule(back + SimContext.Seconds(_random.Exponential(4)), t => Event(t, c));
        _context.Schedule(back + SimContext.Seconds(30), t => Ping(t, c));
    }

    private void Event(long now, SimConnection c)
    {
        var arrives = TcpDialog.Message(_context.Emitter, c, now, false, (int)_random.LogNormal(1_200, 0.7), _random);
        TcpDialog.Ack(_context.Emitter, c, arrives + TcpDialog.Stack(_random), true);
        _context.Schedule(now + SimContext.Seconds(_random.Exponential(4)), t => Event(t, c));
    }

    private void Ping(long now, SimConnection c)
    {
        var arrives = TcpDialog.Message(_context.Emitter, c, now, true, 17, _random);
        TcpDialog.Message(_context.Emitter, c, arrives + TcpDialog.Stack(_random), false, 17, _random);
        _context.Schedule(now + SimContext.Seconds(30), t => Ping(t, c));
    }
}
