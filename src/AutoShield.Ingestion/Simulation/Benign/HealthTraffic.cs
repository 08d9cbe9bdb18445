using AutoShield.Core.Flows;
using AutoShield.Ingestion.Simulation.Cluster;
using AutoShield.Ingestion.Simulation.Traffic;

namespace AutoShield.Ingestion.Simulation.Benign;

/// <summary>
/// cilium-health: once a minute the agent on every node probes every node's health endpoint (identity 4), with
/// an ICMP echo and an HTTP request on port 4240; from its own node the probe comes from the host, from the others
/// from a remote node. The background's ICMP.
/// </summary>
internal sealed class HealthTraffic(int seed) : ITrafficSource
{
    private const ushort HealthPort = 4240;
    private static readonly long Interval = SimContext.Seconds(60);

    private readonly Random _random = SeedMixer.Random(seed, "health");
    private SimContext _context = null!;

    public void Start(SimContext context)
    {
        _context = context;
        foreach (var node in context.Cluster.Nodes)
        {
            context.Schedule(context.StartNanos + (long)(_random.NextDouble() * Interval), t => Probe(t, node));
        }
    }

    private void Probe(long now, ClusterNode prober)
    {
        _context.Schedule(now + Interval, t => Probe(t, prober));
        var emitter = _context.Emitter;
        var t = now;
        foreach (var target in _context.Cluster.HealthEndpoints)
        {
            var source = ReferenceEquals(target.Node, prober) ? _context.Cluster.HostAddress(prober) : _context.Cluster.NodeAddress(prober);
            var echo = new SimConnection(source, target, 0, 0, IpProtocol.Icmp, TrafficTag.Benign);
            var arrives = emitter.SendIcmpEcho(echo, t, true);
            emitter.SendIcmpEcho(echo, arrives + TcpDialog.Stack(_random), false);

            var http = new SimConnection(source, target, _random.EphemeralPort(), HealthPort, IpProtocol.Tcp, TrafficTag.Benign);
            var ready = TcpDialog.Handshake(emitter, http, t + SimContext.Millis(_random.Uniform(1, 5)), _random);
            var back = TcpDialog.Exchange(emitter, http, ready, _random.Next(90, 130), _random.Next(120, 200), SimContext.Micros(_random.Uniform(100, 400)), _random);
            TcpDialog.Close(emitter, http, back + TcpDialog.Stack(_random), byClient: true, _random);
            t += SimContext.Millis(_random.Uniform(2, 15));
        }
    }
}
