using AutoShield.Ingestion.Simulation.Cluster;
using AutoShield.Ingestion.Simulation.Traffic;

namespace AutoShield.Ingestion.Simulation.Benign;

/// <summary>
/// The shop's call graph behind the ingress: frontend calls catalog, cart and checkout; catalog reads redis or
/// postgres; checkout charges through payments-api, which writes to the ledger and calls Stripe. Each hop is an
/// HTTP call on a pooled keep-alive connection, resolved through DNS when the pod's cache has expired.
/// </summary>
internal sealed class ShopBackends
{
    private const string Json = "application/json";

    private readonly SimContext _context;
    private readonly Random _random;
    private readonly TrafficTag _tag;
    private readonly ConnectionPool _services;
    private readonly ConnectionPool _databases;
    private readonly ConnectionPool _external;
    private readonly IReadOnlyList<Peer> _stripe;

    public ShopBackends(SimContext context, Random random, TrafficTag tag)
    {
        _context = context;
        _random = random;
        _tag = tag;
        _services = new ConnectionPool(context, random, tag, SimContext.Seconds(90));
        _databases = new ConnectionPool(context, random, tag, SimContext.Seconds(300));
        _external = new ConnectionPool(context, random, tag, SimContext.Seconds(90)) { Tls = true };
        var stripe = WorldAddresses.Next(random);
        var addresses = new[] { stripe, WorldAddresses.InSameSubnet(stripe, random) };
        _stripe = addresses.Select(Peer.World).ToList();
        context.Dns.Register("api.stripe.com.", addresses.Select(a => a.ToString()).ToArray(), 300);
    }

    /// <summary>Calls a workload's HTTP API from <paramref name="caller"/>; returns when the response is back, and its status.</summary>
    /// <remarks>
    /// ingress-nginx passes its <paramref name="pool"/> (no DNS: it sends to the endpoint addresses it watches) and the
    /// browser's <paramref name="headers"/>, which it forwards.
    /// </remarks>
    public (long Back, int Code) Call(
        long time, Peer caller, Workload target, string method, string path, string url, int requestBytes, ConnectionPool? pool = null,
        IReadOnlyList<KeyValuePair<string, string>>? headers = null)
    {
        var service = target.Service!;
        if (pool is null)
        {
            time = _context.Dns.Resolve(time, caller, service.NameFrom(caller.Workload!.Namespace), _tag, _random);
        }

        var server = _random.Pick(target.Pods);
        var (c, ready) = (pool ?? _services).Acquire(time, caller, server, target.Port, service, target.L7Ingress ? L7Mode.ServerIngress : L7Mode.None);
        var request = new HttpRequest(method, url, headers ?? HttpExchange.ServiceHeaders(UserAgent(caller), _random), requestBytes);
        var (arrived, logged) = HttpExchange.SendRequest(_context, c, ready, request, _random);
        var (done, code, bytes) = Work(arrived, server, target.Name, method, path);
        var back = HttpExchange.SendResponse(_context, c, request, arrived, logged, done, code, bytes, Json, _random);
        ConnectionPool.Release(c, back);
        return (back, code);
    }

    public (long Back, int Code) CallService(long time, Peer caller, string ns, string name, string method, string path, int requestBytes)
    {
        var target = _context.Cluster.Get(ns, name);
        var url = $"http://{target.Service!.Authority(caller.Workload!.Namespace)}{path}";
        return Call(time, caller, target, method, path, url, requestBytes);
    }

    /// <summary>Closes all of <paramref name="client"/>'s pooled connections, as when its process exits.</summary>
    public void CloseAll(long time, Peer client)
    {
        _services.CloseAll(time, client);
        _databases.CloseAll(time, client);
        _external.CloseAll(time, client);
    }

    /// <summary>What a server does for a request: think, call downstream, answer. Returns when it answers.</summary>
    private (long Done, int Code, int Bytes) Work(long time, Peer server, string workload, string method, string path)
    {
        var t = time + (long)_random.LogNormal(900_000, 0.6);
        var code = 200;
        var bytes = _random.Next(300, 4_000);
        switch (workload)
        {
            case "frontend":
                (t, code, bytes) = Frontend(t, server, method, path);
                break;
            case "catalog":
                if (_random.Chance(0.75))
                {
                    t = Redis(t, server, 1);
                }
                else
                {
                    t = Postgres(t, server, _random.Next(1, 4));
                }

                if (path.StartsWith("/api/products/", StringComparison.Ordinal) && _random.Chance(0.03))
                {
                    code = 404;
                    bytes = 60;
                }

                break;
            case "cart":
                t = Redis(t, server, _random.Next(1, 4));
                break;
            case "checkout":
                (t, _) = CallService(t, server, "shop", "cart", "GET", $"/api/cart/{_random.Alphanumeric(12)}", 220);
                int charged;
                (t, charged) = CallService(t, server, "payments", "payments-api", "POST", "/v1/charges", _random.Next(400, 900));
                t = Postgres(t, server, 2);
                code = charged >= 500 ? 502 : 201;
                break;
            case "payments-api":
                (t, _) = CallService(t, server, "payments", "ledger", "POST", "/v1/entries", _random.Next(300, 700));
                t = Stripe(t, server);
                code = 201;
                break;
            case "ledger":
                t = Postgres(t, server, 2);
                code = 201;
                break;
            default:
                break;
        }

        if (_random.Chance(0.002))
        {
            code = 503;
        }

        return (t + (long)_random.LogNormal(200_000, 0.5), code, bytes);
    }

    private (long Done, int Code, int Bytes) Frontend(long t, Peer server, string method, string path)
    {
        var code = 200;
        var bytes = _random.Next(8_000, 60_000);
        int downstream;
        if (path == "/")
        {
            (t, downstream) = CallService(t, server, "shop", "catalog", "GET", "/api/products?featured=true", 240);
        }
        else if (path.StartsWith("/products/", StringComparison.Ordinal))
        {
            (t, downstream) = CallService(t, server, "shop", "catalog", "GET", "/api/products/" + path["/products/".Length..], 240);
            if (_random.Chance(0.5))
            {
                (t, _) = CallService(t, server, "shop", "cart", "GET", $"/api/cart/{_random.Alphanumeric(12)}", 220);
            }
        }
        else if (path.StartsWith("/search", StringComparison.Ordinal))
        {
            (t, downstream) = CallService(t, server, "shop", "catalog", "GET", "/api/search" + path["/search".Length..], 260);
        }
        else if (path == "/cart")
        {
            (t, downstream) = CallService(t, server, "shop", "cart", "GET", $"/api/cart/{_random.Alphanumeric(12)}", 220);
        }
        else if (path == "/checkout")
        {
            (t, downstream) = CallService(t, server, "shop", "checkout", "POST", "/api/orders", _random.Next(600, 1_500));
            bytes = _random.Next(2_000, 6_000);
        }
        else if (path == "/login")
        {
            downstream = _random.Chance(0.06) ? 401 : 302;
            bytes = 400;
        }
        else
        {
            downstream = 200;
            bytes = _random.Next(20_000, 250_000);
        }

        if (downstream is 401 or 404 or 302)
        {
            code = downstream;
        }
        else if (downstream >= 500)
        {
            code = _random.Chance(0.5) ? 503 : 500;
        }

        return (t, code, bytes);
    }

    /// <summary>Redis commands on a pooled connection; no L7 visibility (Cilium does not parse RESP).</summary>
    public long Redis(long t, Peer caller, int commands) =>
        Database(t, caller, _context.Cluster.Get("shop", "redis"), commands, 40, 80, 1_500, 150_000);

    public long Postgres(long t, Peer caller, int queries) =>
        Database(t, caller, _context.Cluster.Get("data", "postgres"), queries, 120, 450, 9_000, 1_200_000);

    private long Database(long t, Peer caller, Workload database, int commands, int minRequest, int maxRequest, int maxResponse, double medianNanos)
    {
        t = _context.Dns.Resolve(t, caller, database.Service!.NameFrom(caller.Workload!.Namespace), _tag, _random);
        var (c, ready) = _databases.Acquire(t, caller, database.Pods[0], database.Port, database.Service, L7Mode.None);
        t = ready;
        for (var i = 0; i < commands; i++)
        {
            t = TcpDialog.Exchange(_context.Emitter, c, t, _random.Next(minRequest, maxRequest), _random.Next(20, maxResponse),
                (long)_random.LogNormal(medianNanos, 0.7), _random) + TcpDialog.Stack(_random);
        }

        ConnectionPool.Release(c, t);
        return t;
    }

    private long Stripe(long t, Peer caller)
    {
        t = _context.Dns.Resolve(t, caller, "api.stripe.com", _tag, _random);
        var (c, ready) = _external.Acquire(t, caller, _random.Pick(_stripe), 443, null, L7Mode.None, (long)_random.LogNormal(18_000_000, 0.3));
        var back = TcpDialog.Exchange(_context.Emitter, c, ready, _random.Next(700, 1_400), _random.Next(1_200, 3_500),
            (long)_random.LogNormal(120_000_000, 0.5), _random);
        ConnectionPool.Release(c, back);
        return back;
    }

    private static string UserAgent(Peer caller) => caller.Workload!.Name switch
    {
        "report-sync" => "python-requests/2.32.3",
        var name => $"{name}/1.{name.Length % 7}.{name.Length % 3}",
    };
}
