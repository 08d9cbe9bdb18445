using AutoShield.Core.Flows;
using AutoShield.Ingestion.Simulation.Cluster;
using AutoShield.Ingestion.Simulation.Traffic;

namespace AutoShield.Ingestion.Simulation.Benign;

/// <summary>
/// The reporting service: refreshes its aggregates from postgres every 20-40 s and, every few minutes, uploads a
/// finished report to object storage over HTTPS. A data pod talking to the internet on its own schedule is
/// normal here, which keeps exfiltration from being "any egress from data".
/// </summary>
internal sealed class ReportingTraffic(int seed) : ITrafficSource
{
    private readonly Random _random = SeedMixer.Random(seed, "reporting");
    private SimContext _context = null!;
    private ShopBackends _backends = null!;
    private Peer _reporting = null!;
    private IReadOnlyList<Peer> _storage = null!;

    public void Start(SimContext context)
    {
        _context = context;
        _backends = new ShopBackends(context, _random, TrafficTag.Benign);
        _reporting = context.Cluster.Get("data", "reporting").Pods[0];
        var first = WorldAddresses.Next(_random);
        var addresses = new[] { first, WorldAddresses.InSameSubnet(first, _random), WorldAddresses.InSameSubnet(first, _random) };
        _storage = addresses.Select(Peer.World).ToList();
        context.Dns.Register("s3.eu-west-1.amazonaws.com.", addresses.Select(a => a.ToString()).ToArray(), 5);
        context.Schedule(context.StartNanos + SimContext.Seconds(_random.Uniform(0, 30)), Refresh);
        context.Schedule(context.StartNanos + SimContext.Seconds(_random.Uniform(20, 300)), Upload);
    }

    private void Refresh(long now)
    {
        _context.Schedule(now + SimContext.Seconds(_random.Uniform(20, 40)), Refresh);
        _backends.Postgres(now, _reporting, _random.Next(3, 11));
    }

    private void Upload(long now)
    {
        _context.Schedule(now + SimContext.Seconds(_random.Uniform(240, 420)), Upload);
        var t = _context.Dns.Resolve(now, _reporting, "s3.eu-west-1.amazonaws.com", TrafficTag.Benign, _random);
        var c = new SimConnection(_reporting, _random.Pick(_storage), _random.EphemeralPort(), 443, IpProtocol.Tcp, TrafficTag.Benign,
            oneWayNanos: (long)_random.LogNormal(12_000_000, 0.3));
        t = TcpDialog.Handshake(_context.Emitter, c, t, _random);
        t = TcpDialog.TlsHandshake(_context.Emitter, c, t, _random);
        var parts = _random.Next(2, 6);
        for (var i = 0; i < parts; i++)
        {
            t = TcpDialog.Exchange(_context.Emitter, c, t, (int)_random.LogNormal(200_000, 0.6), _random.Next(300, 700),
                (long)_random.LogNormal(30_000_000, 0.5), _random, maxResponseSegments: 1) + TcpDialog.Stack(_random);
        }

        TcpDialog.Close(_context.Emitter, c, t + SimContext.Millis(_random.Uniform(5, 50)), byClient: true, _random);
    }
}
