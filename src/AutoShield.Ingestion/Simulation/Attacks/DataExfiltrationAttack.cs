using System.Globalization;
using AutoShield.Core.Flows;
using AutoShield.Ingestion.Simulation.Cluster;
using AutoShield.Ingestion.Simulation.Traffic;

namespace AutoShield.Ingestion.Simulation.Attacks;

/// <summary>
/// A data pod sends data out: one long-lived TLS upload streaming PSH/ACK segments to an internet host, or
/// repeated uploads of chunks every few seconds; alongside, DNS tunnelling: TXT queries whose first labels are
/// long encoded chunks under an attacker's domain, several per second.
/// </summary>
internal sealed class DataExfiltrationAttack : AttackSource
{
    private const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";

    private readonly Peer _source;
    private readonly Peer _drop;
    private readonly ushort _port;
    private readonly bool _stream;
    private readonly double _segmentsPerSecond;
    private readonly string _tunnelDomain;
    private readonly double _queriesPerSecond;
    private readonly long _tunnelStart;

    public DataExfiltrationAttack(ClusterModel cluster, long start, long end, Random random, double intensity)
        : base(cluster, Scenarios.DataExfiltration, AttackLabels.DataExfiltration, start, end, random, intensity)
    {
        _source = random.Pick(PodsOf("reporting", "postgres"));
        _drop = Peer.World(WorldAddresses.Next(random));
        _port = random.Chance(0.7) ? (ushort)443 : random.Pick(new ushort[] { 8443, 4443, 993, 2222 });
        _stream = random.Chance(0.5);
        _segmentsPerSecond = random.Uniform(40, 200) * intensity;
        _tunnelDomain = $"{random.Alphanumeric(random.Next(5, 10), "abcdefghijklmnopqrstuvwxyz")}-{random.Pick(new[] { "cdn", "sync", "telemetry", "updates" })}.{random.Pick(new[] { "net", "io", "xyz", "top" })}";
        _queriesPerSecond = random.Uniform(2, 12) * intensity;
        _tunnelStart = start + (long)((end - start) * random.Uniform(0, 0.5));
        Window = Describe(_source.DisplayName, [$"{_drop.IpText}:{_port}", _tunnelDomain + " (DNS)"],
            string.Create(CultureInfo.InvariantCulture,
                $"{(_stream ? "one long upload" : "repeated uploads")} at about {_segmentsPerSecond:F0} segments/s, DNS tunnel at {_queriesPerSecond:F1} TXT queries/s"));
    }

    public override AttackWindow Window { get; }

    protected override void Begin()
    {
        if (_stream)
        {
            Context.Schedule(StartNanos, OpenStream);
        }
        else
        {
            Context.Schedule(StartNanos, Chunk);
        }

        var flow = Context.Dns.NewFlow(_source, Tag, Random);
        var sequence = 0;
        Paced(_tunnelStart, () => (long)Random.Exponential(1e9 / _queriesPerSecond), t =>
        {
            // Reuse the socket for a while, as tunnelling tools do, then move on.
            if (Random.Chance(0.02))
            {
                flow = Context.Dns.NewFlow(_source, Tag, Random);
            }

            var name = $"{Random.Alphanumeric(Random.Next(40, 64), Base32)}.{Random.Alphanumeric(Random.Next(10, 30), Base32)}.{sequence++:x4}.{_tunnelDomain}.";
            Context.Dns.Query(t, flow, name, "TXT", 0, null, 1, (long)Random.LogNormal(40_000_000, 0.4), Random, ["TXT"]);
            return true;
        });
    }

    private SimConnection Open(long now, out long ready)
    {
        var c = new SimConnection(_source, _drop, Random.EphemeralPort(), _port, IpProtocol.Tcp, Tag, oneWayNanos: (long)Random.LogNormal(45_000_000, 0.3));
        ready = TcpDialog.Handshake(Context.Emitter, c, now, Random);
        ready = TcpDialog.TlsHandshake(Context.Emitter, c, ready, Random);
        return c;
    }

    private void OpenStream(long now)
    {
        var c = Open(now, out var ready);
        Context.Schedule(ready, t => Stream(t, c));
    }

    /// <summary>100-300 ms of upload: data segments from the pod (TLS records end in PSH), an ACK back for every second one.</summary>
    private void Stream(long now, SimConnection c)
    {
        var slice = SimContext.Millis(Random.Uniform(100, 300));
        var segments = Math.Max(1, (int)Math.Round(_segmentsPerSecond * slice / 1e9 * Random.Uniform(0.6, 1.4)));
        var t = Send(c, now, segments);
        var next = Math.Max(t, now + slice);
        if (next < EndNanos)
        {
            Context.Schedule(next, s => Stream(s, c));
        }
        else
        {
            TcpDialog.Close(Context.Emitter, c, next, byClient: true, Random);
        }
    }

    private void Chunk(long now)
    {
        var c = Open(now, out var ready);
        var t = Send(c, ready, Random.Next(30, 300));
        var response = TcpDialog.Message(Context.Emitter, c, t + SimContext.Millis(Random.Uniform(20, 120)), false, Random.Next(100, 300), Random);
        var closed = TcpDialog.Close(Context.Emitter, c, response + TcpDialog.Stack(Random), byClient: true, Random);
        ScheduleWithin(closed + SimContext.Seconds(Random.Uniform(2, 10)), Chunk);
    }

    private long Send(SimConnection c, long t, int segments)
    {
        var emitter = Context.Emitter;
        var spacing = 1e9 / (_segmentsPerSecond * 1.2);
        for (var i = 0; i < segments; i++)
        {
            var arrives = emitter.Send(c, t, true, i == segments - 1 || Random.Chance(0.6) ? TcpFlags.Psh | TcpFlags.Ack : TcpFlags.Ack, TcpDialog.Mss);
            if (i % 2 == 1)
            {
                emitter.Send(c, arrives + TcpDialog.Stack(Random), false, TcpFlags.Ack);
            }

            t += (long)Random.Exponential(spacing);
        }

        return t;
    }
}
