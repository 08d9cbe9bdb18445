using AutoShield.Core.Flows;
using AutoShield.Ingestion.Simulation.Cluster;
using AutoShield.Ingestion.Simulation.Traffic;

namespace AutoShield.Ingestion.Simulation.Benign;

/// <summary>
/// Shoppers on the internet: sessions arrive at the ingress as a Poisson process whose rate follows the day and
/// bursts; each session is one connection (mostly TLS on 443, some plain HTTP on 80 that the ingress logs at L7)
/// carrying a few page requests with think time, each fanning out through <see cref="ShopBackends"/>.
/// </summary>
internal sealed class ShopTraffic : ITrafficSource
{
    private const double PeakSessionsPerSecond = 9.0;

    private static readonly string[] Browsers =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
        "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
        "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
    ];

    private readonly Random _random;
    private SimContext _context = null!;
    private ShopBackends _backends = null!;
    private ConnectionPool _upstream = null!;
    private RateCurve _rate = null!;
    private List<Shopper> _shoppers = null!;
    private Workload _ingress = null!;
    private Workload _frontend = null!;

    public ShopTraffic(int seed)
    {
        _random = SeedMixer.Random(seed, "shop");
    }

    public void Start(SimContext context)
    {
        _context = context;
        _backends = new ShopBackends(context, _random, TrafficTag.Benign);
        _upstream = new ConnectionPool(context, _random, TrafficTag.Benign, SimContext.Seconds(60));
        _rate = new RateCurve(PeakSessionsPerSecond * context.Options.Intensity, context.StartNanos, context.EndNanos, _random);
        _ingress = context.Cluster.Get("ingress-nginx", "ingress-nginx-controller");
        _frontend = context.Cluster.Get("shop", "frontend");
        _shoppers = Enumerable.Range(0, 400)
            .Select(_ => new Shopper(Peer.World(WorldAddresses.Next(_random)), _random.Pick(Browsers), (long)_random.LogNormal(20_000_000, 0.6)))
            .ToList();
        context.Schedule(_rate.Next(context.StartNanos, _random), Arrive);
    }

    private void Arrive(long now)
    {
        _context.Schedule(_rate.Next(now, _random), Arrive);
        var shopper = _shoppers[_random.Zipf(_shoppers.Count, 0.8)];
        var tls = _random.Chance(0.85);
        var c = new SimConnection(shopper.Peer, _random.Pick(_ingress.Pods), (ushort)_random.Next(1024, 65535), tls ? (ushort)443 : (ushort)80,
            IpProtocol.Tcp, TrafficTag.Benign, _ingress.Service, tls ? L7Mode.None : L7Mode.ServerIngress, shopper.OneWayNanos);
        var ready = TcpDialog.Handshake(_context.Emitter, c, now, _random);
        if (tls)
        {
            ready = TcpDialog.TlsHandshake(_context.Emitter, c, ready, _random);
        }

        var requests = 1;
        while (requests < 8 && _random.Chance(0.55))
        {
            requests++;
        }

        _context.Schedule(ready, t => Request(t, c, shopper, requests));
    }

    private void Request(long now, SimConnection c, Shopper shopper, int remaining)
    {
        var (method, path) = Page();
        var headers = new KeyValuePair<string, string>[]
        {
            new("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
            new("User-Agent", shopper.UserAgent),
            new("X-Forwarded-For", shopper.Peer.IpText),
            new("X-Request-Id", _random.Uuid()),
        };
        var url = "http://shop.example.com" + path;
        var request = new HttpRequest(method, url, headers, method == "POST" ? _random.Next(500, 1_400) : _random.Next(350, 900));
        var (arrived, logged) = HttpExchange.SendRequest(_context, c, now, request, _random);
        var ingressPod = c.Server;
        var (back, code) = _backends.Call(arrived + (long)_random.LogNormal(300_000, 0.4), ingressPod, _frontend, method, path, url, request.Bytes + 60, _upstream,
            [.. headers, new("X-Real-Ip", shopper.Peer.IpText)]);
        var bytes = code == 200 ? _random.Next(6_000, 80_000) : _random.Next(150, 600);
        var delivered = HttpExchange.SendResponse(_context, c, request, arrived, logged, back + (long)_random.LogNormal(150_000, 0.4),
            code, bytes, "text/html; charset=utf-8", _random, maxSegments: 6);

        if (remaining > 1)
        {
            _context.Schedule(delivered + SimContext.Seconds(_random.LogNormal(1.5, 0.8)), t => Request(t, c, shopper, remaining - 1));
        }
        else
        {
            // Browsers keep the connection a few seconds; nginx closes idle ones after keepalive_timeout.
            var idle = _random.LogNormal(4, 0.8);
            _context.Schedule(delivered + SimContext.Seconds(Math.Min(idle, 75)), t => TcpDialog.Close(_context.Emitter, c, t, byClient: idle < 75 && _random.Chance(0.8), _random));
        }
    }

    private (string Method, string Path) Page()
    {
        var roll = _random.NextDouble();
        return roll switch
        {
            < 0.18 => ("GET", "/"),
            < 0.58 => ("GET", $"/products/{_random.Next(1, 2_400)}"),
            < 0.70 => ("GET", "/cart"),
            < 0.80 => ("GET", $"/search?q={_random.Pick(SearchTerms)}"),
            < 0.84 => ("POST", "/checkout"),
            < 0.87 => ("POST", "/login"),
            _ => ("GET", $"/static/app.{_random.Alphanumeric(8, "0123456789abcdef")}.js"),
        };
    }

    private static readonly string[] SearchTerms = ["shoes", "jacket", "lamp", "coffee", "headphones", "desk", "backpack", "mug"];

    private sealed record Shopper(Peer Peer, string UserAgent, long OneWayNanos);
}
