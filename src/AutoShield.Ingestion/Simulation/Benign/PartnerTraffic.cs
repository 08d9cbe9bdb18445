using AutoShield.Core.Flows;
using AutoShield.Ingestion.Simulation.Cluster;
using AutoShield.Ingestion.Simulation.Traffic;

namespace AutoShield.Ingestion.Simulation.Benign;

/// <summary>
/// Business partners drop files on the SFTP gateway every few minutes: an SSH session from a fixed internet
/// address that logs in at the first try and uploads. Legitimate SSH from the internet, for brute force to differ from.
/// </summary>
internal sealed class PartnerTraffic(int seed) : ITrafficSource
{
    private readonly Random _random = SeedMixer.Random(seed, "partners");
    private SimContext _context = null!;
    private Workload _sftp = null!;

    public void Start(SimContext context)
    {
        _context = context;
        _sftp = context.Cluster.Get("data", "sftp-gateway");
        var partners = _random.Next(2, 5);
        for (var i = 0; i < partners; i++)
        {
            var partner = Peer.World(WorldAddresses.Next(_random));
            var oneWay = (long)_random.LogNormal(15_000_000, 0.5);
            context.Schedule(context.StartNanos + SimContext.Seconds(_random.Uniform(0, 240)), t => Upload(t, partner, oneWay));
        }
    }

    private void Upload(long now, Peer partner, long oneWay)
    {
        _context.Schedule(now + SimContext.Seconds(_random.Uniform(90, 300)), t => Upload(t, partner, oneWay));
        var emitter = _context.Emitter;
        var c = new SimConnection(partner, _random.Pick(_sftp.Pods), _random.EphemeralPort(), 22, IpProtocol.Tcp, TrafficTag.Benign, _sftp.Service, oneWayNanos: oneWay);
        var t = TcpDialog.Handshake(emitter, c, now, _random);
        var arrives = TcpDialog.Message(emitter, c, t + c.OneWayNanos + TcpDialog.Stack(_random), false, _random.Next(21, 42), _random);
        arrives = TcpDialog.Message(emitter, c, arrives + TcpDialog.Stack(_random), true, _random.Next(1_200, 1_600), _random);
        arrives = TcpDialog.Message(emitter, c, arrives + SimContext.Millis(1), false, _random.Next(1_000, 1_200), _random);
        arrives = TcpDialog.Message(emitter, c, arrives + SimContext.Millis(2), true, _random.Next(40, 80), _random);
        arrives = TcpDialog.Message(emitter, c, arrives + SimContext.Millis(_random.Uniform(3, 9)), false, _random.Next(500, 1_100), _random);
        // Public-key login succeeds at once; then the SFTP subsystem and the file.
        arrives = TcpDialog.Message(emitter, c, arrives + SimContext.Millis(_random.Uniform(1, 4)), true, _random.Next(600, 900), _random);
        arrives = TcpDialog.Message(emitter, c, arrives + SimContext.Millis(_random.Uniform(2, 8)), false, _random.Next(30, 60), _random);
        t = arrives;
        var chunks = _random.Next(20, 200);
        for (var i = 0; i < chunks; i++)
        {
            var sent = TcpDialog.Message(emitter, c, t, true, 32_768, _random, maxSegments: 2);
            if (i % 4 == 3)
            {
                TcpDialog.Ack(emitter, c, sent + TcpDialog.Stack(_random), false);
            }

            t = sent - c.OneWayNanos + (long)_random.Exponential(2_000_000);
        }

        var done = TcpDialog.Message(emitter, c, t + c.OneWayNanos, false, _random.Next(30, 60), _random);
        TcpDialog.Close(emitter, c, done + TcpDialog.Stack(_random), byClient: true, _random);
    }
}
