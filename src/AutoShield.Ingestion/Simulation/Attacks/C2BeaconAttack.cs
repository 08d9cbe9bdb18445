using System.Globalization;
using AutoShield.Core.Flows;
using AutoShield.Ingestion.Simulation.Cluster;
using AutoShield.Ingestion.Simulation.Traffic;

namespace AutoShield.Ingestion.Simulation.Attacks;

/// <summary>
/// An implant in a pod checks in with its command-and-control server: every interval (30-60 s) plus or minus a
/// jitter (5-20 %), it resolves the C2 domain when its cache has expired, opens a connection, sends a small
/// check-in, gets a small answer (now and then a larger task), and closes.
/// </summary>
internal sealed class C2BeaconAttack : AttackSource
{
    private readonly Peer _implant;
    private readonly Peer _server;
    private readonly ushort _port;
    private readonly string _domain;
    private readonly double _intervalSeconds;
    private readonly double _jitter;

    public C2BeaconAttack(ClusterModel cluster, long start, long end, Random random, double intensity)
        : base(cluster, Scenarios.C2Beacon, AttackLabels.C2Beacon, start, end, random, intensity)
    {
        _implant = random.Pick(PodsOf("frontend", "catalog", "cart", "checkout", "payments-api", "ledger", "reporting", "grafana"));
        _server = Peer.World(WorldAddresses.Next(random));
        _port = random.Pick(new ushort[] { 443, 443, 8443, 8080, 4444 });
        _domain = $"{random.Pick(new[] { "api", "cdn", "static", "update" })}.{random.Alphanumeric(random.Next(6, 12), "abcdefghijklmnopqrstuvwxyz")}.{random.Pick(new[] { "com", "net", "io" })}";
        _intervalSeconds = random.Uniform(30, 60) / Math.Max(0.1, intensity);
        _jitter = random.Uniform(0.05, 0.2);
        Window = Describe(_implant.DisplayName, [$"{_server.IpText}:{_port} ({_domain})"],
            string.Create(CultureInfo.InvariantCulture, $"beacon every {_intervalSeconds:F1} s ± {_jitter * 100:F0} %"));
    }

    public override AttackWindow Window { get; }

    /// <summary>Seconds between check-ins before jitter.</summary>
    public double IntervalSeconds => _intervalSeconds;

    public double Jitter => _jitter;

    protected override void Begin()
    {
        Context.Dns.Register(_domain + ".", [_server.IpText], 300);
        ScheduleWithin(StartNanos + SimContext.Seconds(Random.Uniform(0, Math.Min(5, _intervalSeconds))), Beacon);
    }

    private void Beacon(long now)
    {
        var next = now + SimContext.Seconds(_intervalSeconds * (1 + Random.Uniform(-_jitter, _jitter)));
        ScheduleWithin(next, Beacon);

        var emitter = Context.Emitter;
        var t = Context.Dns.Resolve(now, _implant, _domain, Tag, Random);
        var c = new SimConnection(_implant, _server, Random.EphemeralPort(), _port, IpProtocol.Tcp, Tag, oneWayNanos: (long)Random.LogNormal(40_000_000, 0.2));
        t = TcpDialog.Handshake(emitter, c, t, Random);
        if (_port is 443 or 8443)
        {
            t = TcpDialog.TlsHandshake(emitter, c, t, Random);
        }

        var task = Random.Chance(0.1);
        t = TcpDialog.Exchange(emitter, c, t, Random.Next(150, 600), task ? Random.Next(2_000, 20_000) : Random.Next(80, 400),
            SimContext.Millis(Random.Uniform(5, 40)), Random);
        TcpDialog.Close(emitter, c, t + TcpDialog.Stack(Random), byClient: true, Random);
    }
}
