using System.Globalization;
using AutoShield.Core.Flows;
using AutoShield.Ingestion.Simulation.Cluster;
using AutoShield.Ingestion.Simulation.Traffic;

namespace AutoShield.Ingestion.Simulation.Attacks;

/// <summary>
/// A botnet of hundreds of internet hosts opens full connections to the ingress and floods it with GETs, busting
/// caches with random query strings. The ingress answers from its micro-cache or, as its rate limit bites more and
/// more, with 503. Over plain HTTP on 80 the flood shows at L7; over 443 only as connections.
/// </summary>
internal sealed class DdosAttack : AttackSource
{
    private static readonly string[] BotAgents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/91.0.4472.124 Safari/537.36",
        "python-requests/2.25.1",
        "Go-http-client/1.1",
        "Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; Trident/5.0)",
    ];

    private readonly Workload _ingress;
    private readonly ushort _port;
    private readonly List<Peer> _bots;
    private readonly double _connectionsPerSecond;

    public DdosAttack(ClusterModel cluster, long start, long end, Random random, double intensity)
        : base(cluster, Scenarios.Ddos, AttackLabels.SynFlood, start, end, random, intensity)
    {
        _ingress = cluster.Get("ingress-nginx", "ingress-nginx-controller");
        _port = random.Chance(0.7) ? (ushort)80 : (ushort)443;
        var size = random.Next(80, 400);
        _bots = [];
        while (_bots.Count < size)
        {
            var seed = WorldAddresses.Next(random);
            var block = random.Next(1, 6);
            for (var i = 0; i < block && _bots.Count < size; i++)
            {
                _bots.Add(Peer.World(i == 0 ? seed : WorldAddresses.InSameSubnet(seed, random)));
            }
        }

        _connectionsPerSecond = random.Uniform(40, 120) * intensity;
        Window = Describe($"{_bots.Count} internet hosts", [$"{_ingress.Namespace}/{_ingress.Name}:{_port}"],
            string.Create(CultureInfo.InvariantCulture, $"HTTP GET flood, about {_connectionsPerSecond:F0} connections/s from {_bots.Count} bots to port {_port}"));
    }

    public override AttackWindow Window { get; }

    protected override void Begin() =>
        Paced(StartNanos, () => (long)Random.Exponential(1e9 / _connectionsPerSecond), t =>
        {
            Connection(t);
            return true;
        });

    private void Connection(long t)
    {
        var emitter = Context.Emitter;
        var bot = _bots[Random.Zipf(_bots.Count, 0.5)];
        var tls = _port == 443;
        var c = new SimConnection(bot, Random.Pick(_ingress.Pods), (ushort)Random.Next(1024, 65535), _port, IpProtocol.Tcp, Tag,
            _ingress.Service, tls ? L7Mode.None : L7Mode.ServerIngress, (long)Random.LogNormal(35_000_000, 0.6));
        t = TcpDialog.Handshake(emitter, c, t, Random);
        if (tls)
        {
            t = TcpDialog.TlsHandshake(emitter, c, t, Random);
        }

        var progress = Math.Clamp((double)(t - StartNanos) / Math.Max(1, EndNanos - StartNanos), 0, 1);
        var requests = Random.Next(1, 4);
        for (var i = 0; i < requests; i++)
        {
            var path = Random.Chance(0.5) ? $"/?{Random.Alphanumeric(6)}={Random.Next()}" : $"/search?q={Random.Alphanumeric(Random.Next(3, 12))}";
            var request = new HttpRequest("GET", "http://shop.example.com" + path,
                [new("Accept", "*/*"), new("User-Agent", Random.Pick(BotAgents)), new("X-Request-Id", Random.Uuid())], Random.Next(120, 400));
            var (arrived, logged) = HttpExchange.SendRequest(Context, c, t, request, Random);
            var limited = Random.Chance(0.6 * progress);
            var back = HttpExchange.SendResponse(Context, c, request, arrived, logged, arrived + (long)Random.LogNormal(limited ? 200_000 : 2_000_000, 0.6),
                limited ? 503 : 200, limited ? 190 : Random.Next(6_000, 40_000), "text/html", Random, maxSegments: 2);
            t = back + (long)Random.Uniform(1_000_000, 20_000_000);
        }

        if (Random.Chance(0.3))
        {
            TcpDialog.Reset(emitter, c, t, fromClient: true, withAck: true);
        }
        else
        {
            TcpDialog.Close(emitter, c, t, byClient: true, Random);
        }
    }
}
