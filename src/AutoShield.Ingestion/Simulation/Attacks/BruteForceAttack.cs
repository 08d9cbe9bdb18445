using System.Globalization;
using AutoShield.Core.Flows;
using AutoShield.Ingestion.Simulation.Cluster;
using AutoShield.Ingestion.Simulation.Traffic;

namespace AutoShield.Ingestion.Simulation.Attacks;

/// <summary>
/// Password guessing from one internet address, with several parallel workers as Hydra runs them. Against SSH on
/// the SFTP gateway: a short connection per guess or two (banners, key exchange, failed auth, server closes).
/// Against the web login: TLS to the ingress, then POST /login, which the ingress forwards to the frontend and
/// which Cilium logs there at L7 as a stream of 401s.
/// </summary>
internal sealed class BruteForceAttack : AttackSource
{
    private readonly Peer _attacker;
    private readonly bool _ssh;
    private readonly int _workers;
    private readonly Workload _sftp;
    private readonly Workload _ingress;
    private readonly Workload _frontend;
    private ConnectionPool _upstream = null!;
    private bool _found;

    public BruteForceAttack(ClusterModel cluster, long start, long end, Random random, double intensity)
        : base(cluster, Scenarios.BruteForce, AttackLabels.BruteForce, start, end, random, intensity)
    {
        _attacker = Peer.World(WorldAddresses.Next(random));
        _ssh = random.Chance(0.55);
        _workers = Math.Max(1, (int)Math.Round(random.Next(4, 17) * intensity));
        _sftp = cluster.Get("data", "sftp-gateway");
        _ingress = cluster.Get("ingress-nginx", "ingress-nginx-controller");
        _frontend = cluster.Get("shop", "frontend");
        Window = Describe(_attacker.IpText, [_ssh ? "data/sftp-gateway:22" : "shop/frontend POST /login"],
            string.Create(CultureInfo.InvariantCulture, $"{(_ssh ? "SSH" : "HTTP login")} password guessing with {_workers} parallel workers"));
    }

    public override AttackWindow Window { get; }

    protected override void Begin()
    {
        // Short idle timeout: the attack's upstream connections close soon after it stops.
        _upstream = new ConnectionPool(Context, Random, Tag, SimContext.Seconds(5));
        for (var worker = 0; worker < _workers; worker++)
        {
            var first = StartNanos + SimContext.Millis(Random.Uniform(0, 1500));
            ScheduleWithin(first, _ssh ? Ssh : Web);
        }
    }

    private void Ssh(long now)
    {
        var emitter = Context.Emitter;
        var c = new SimConnection(_attacker, Random.Pick(_sftp.Pods), Random.EphemeralPort(), 22, IpProtocol.Tcp, Tag,
            _sftp.Service, oneWayNanos: SimContext.Millis(Random.Uniform(30, 45)));
        var t = TcpDialog.Handshake(emitter, c, now, Random);
        // Server banner first, then the client's, then key exchange init and Diffie-Hellman both ways.
        // The server speaks first, once the handshake's last ACK has reached it.
        var arrives = TcpDialog.Message(emitter, c, t + c.OneWayNanos + TcpDialog.Stack(Random), false, Random.Next(21, 42), Random);
        arrives = TcpDialog.Message(emitter, c, arrives + TcpDialog.Stack(Random), true, Random.Next(20, 40), Random);
        arrives = TcpDialog.Message(emitter, c, arrives + TcpDialog.Stack(Random), true, Random.Next(1_200, 1_600), Random);
        arrives = TcpDialog.Message(emitter, c, arrives + SimContext.Millis(1), false, Random.Next(1_000, 1_200), Random);
        arrives = TcpDialog.Message(emitter, c, arrives + SimContext.Millis(2), true, Random.Next(40, 80), Random);
        arrives = TcpDialog.Message(emitter, c, arrives + SimContext.Millis(Random.Uniform(3, 9)), false, Random.Next(500, 1_100), Random);
        var guesses = Random.Next(1, 4);
        for (var i = 0; i < guesses; i++)
        {
            arrives = TcpDialog.Message(emitter, c, arrives + SimContext.Millis(Random.Uniform(1, 5)), true, Random.Next(80, 140), Random);
            // sshd delays a failed password by about two seconds.
            arrives = TcpDialog.Message(emitter, c, arrives + SimContext.Seconds(Random.Uniform(1.8, 2.6)), false, Random.Next(40, 70), Random);
        }

        var end = TcpDialog.Close(emitter, c, arrives + TcpDialog.Stack(Random), byClient: Random.Chance(0.5), Random);
        ScheduleWithin(end + SimContext.Millis(Random.Uniform(5, 80)), Ssh);
    }

    private void Web(long now)
    {
        var emitter = Context.Emitter;
        var ingressPod = Random.Pick(_ingress.Pods);
        var c = new SimConnection(_attacker, ingressPod, Random.EphemeralPort(), 443, IpProtocol.Tcp, Tag, _ingress.Service,
            oneWayNanos: SimContext.Millis(Random.Uniform(30, 45)));
        var t = TcpDialog.Handshake(emitter, c, now, Random);
        t = TcpDialog.TlsHandshake(emitter, c, t, Random);
        var attempts = Random.Next(5, 30);
        for (var i = 0; i < attempts && t < EndNanos; i++)
        {
            var arrived = TcpDialog.Message(emitter, c, t, true, Random.Next(450, 700), Random);
            var (back, code) = Login(arrived + (long)Random.LogNormal(300_000, 0.4), ingressPod);
            var delivered = TcpDialog.Respond(emitter, c, arrived, back + (long)Random.LogNormal(150_000, 0.4), code == 401 ? 420 : 600, Random);
            t = delivered + SimContext.Millis(Random.Uniform(20, 250));
        }

        var end = TcpDialog.Close(emitter, c, t, byClient: true, Random);
        ScheduleWithin(end + SimContext.Millis(Random.Uniform(5, 80)), Web);
    }

    private (long Back, int Code) Login(long t, Peer ingressPod)
    {
        var frontendPod = Random.Pick(_frontend.Pods);
        var (c, ready) = _upstream.Acquire(t, ingressPod, frontendPod, _frontend.Port, _frontend.Service, L7Mode.ServerIngress);
        var request = new HttpRequest("POST", "http://shop.example.com/login",
        [
            new("Content-Type", "application/x-www-form-urlencoded"),
            new("User-Agent", "Mozilla/5.0 (Hydra)"),
            new("X-Forwarded-For", _attacker.IpText),
            new("X-Request-Id", Random.Uuid()),
        ], Random.Next(450, 700));
        var (arrived, logged) = HttpExchange.SendRequest(Context, c, ready, request, Random);
        // Late in a long run, one guess may succeed.
        var code = !_found && t > StartNanos + ((EndNanos - StartNanos) * 9 / 10) && Random.Chance(0.01) ? 302 : 401;
        _found |= code == 302;
        var back = HttpExchange.SendResponse(Context, c, request, arrived, logged, arrived + (long)Random.LogNormal(25_000_000, 0.3),
            code, code == 401 ? 48 : 120, "application/json", Random);
        ConnectionPool.Release(c, back);
        return (back, code);
    }
}
