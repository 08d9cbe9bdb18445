using System.Globalization;
using AutoShield.Core.Flows;
using AutoShield.Ingestion.Simulation.Cluster;
using AutoShield.Ingestion.Simulation.Traffic;

namespace AutoShield.Ingestion.Simulation.Attacks;

/// <summary>
/// A compromised pod turns on its neighbours: looks up services and the API server, then tries ssh, redis,
/// postgres, kubelet, the API server and admin ports on pods and nodes it never talked to, slowly (a few attempts
/// a second, unlike a scan). Policy drops some (retried by the kernel), closed ports reset, open ones get a
/// short protocol exchange: an unauthenticated redis answers, postgres rejects the login, kubelet and the API
/// server answer TLS and refuse.
/// </summary>
internal sealed class LateralMovementAttack : AttackSource
{
    private static readonly Dictionary<string, string[]> UsualPeers = new(StringComparer.Ordinal)
    {
        ["frontend"] = ["catalog", "cart", "checkout", "coredns"],
        ["catalog"] = ["redis", "postgres", "coredns"],
        ["cart"] = ["redis", "coredns"],
        ["checkout"] = ["cart", "payments-api", "postgres", "coredns"],
        ["reporting"] = ["postgres", "coredns"],
    };

    private static readonly string[] Recon =
        ["kubernetes.default", "postgres.data", "redis.shop", "payments-api.payments", "vault.security", "metadata.google.internal"];

    private readonly Peer _attacker;
    private readonly List<(Peer Target, ushort Port)> _attempts = [];
    private readonly double _attemptsPerSecond;

    public LateralMovementAttack(ClusterModel cluster, long start, long end, Random random, double intensity)
        : base(cluster, Scenarios.LateralMovement, AttackLabels.LateralMovement, start, end, random, intensity)
    {
        _attacker = random.Pick(PodsOf("frontend", "catalog", "cart", "checkout", "reporting"));
        var usual = UsualPeers[_attacker.Workload!.Name];
        var pods = cluster.Pods.Where(p => p.Workload != _attacker.Workload && !usual.Contains(p.Workload!.Name)).ToList();
        var targets = random.Shuffled(pods).Take(random.Next(4, 9)).ToList();
        foreach (var target in targets)
        {
            var ports = new List<ushort> { target.Workload!.Port == 0 ? (ushort)22 : target.Workload.Port, 22 };
            ports.AddRange(random.Shuffled(CommonPorts.Lateral).Take(random.Next(1, 4)));
            _attempts.AddRange(ports.Distinct().Select(p => (target, p)));
        }

        foreach (var node in random.Shuffled(cluster.NodeAddresses).Take(random.Next(1, cluster.NodeAddresses.Count + 1)))
        {
            _attempts.Add((node, 10250));
            if (random.Chance(0.5))
            {
                _attempts.Add((node, 22));
            }
        }

        _attempts.Add((cluster.ApiServer, ClusterModel.ApiServerPort));
        _attempts = random.Shuffled(_attempts);
        _attemptsPerSecond = random.Uniform(0.7, 3.0) * intensity;
        Window = Describe(_attacker.DisplayName, targets.Select(t => t.DisplayName).Append("kubelet (10250)").Append("kube-apiserver").ToList(),
            string.Create(CultureInfo.InvariantCulture, $"{_attempts.Count} connection attempts to {targets.Count} pods, nodes and the API server at about {_attemptsPerSecond:F1}/s"));
    }

    public override AttackWindow Window { get; }

    protected override void Begin()
    {
        var t = StartNanos;
        foreach (var name in Random.Shuffled(Recon).Take(Random.Next(2, 5)))
        {
            var at = t;
            Context.Schedule(at, now => Context.Dns.Resolve(now, _attacker, name, Tag, Random));
            t += SimContext.Millis(Random.Uniform(100, 900));
        }

        var next = 0;
        // Work through the list, then keep revisiting what answered, as an intruder tries credentials.
        Paced(t, () => (long)Random.Exponential(1e9 / _attemptsPerSecond), now =>
        {
            var (target, port) = _attempts[next++ % _attempts.Count];
            Attempt(now, target, port);
            return true;
        });
    }

    private void Attempt(long t, Peer target, ushort port)
    {
        var emitter = Context.Emitter;
        var apiServer = ReferenceEquals(target, Cluster.ApiServer);
        var c = new SimConnection(_attacker, target, Random.EphemeralPort(), port, IpProtocol.Tcp, Tag,
            apiServer ? Cluster.KubernetesService : target.Workload?.Service is { Port: var p } service && p == port ? service : null);
        if (Denied(_attacker, target, port))
        {
            // The kernel retries the SYN after 1 s and 3 s before connect() gives up.
            emitter.SendDenied(c, t, TcpFlags.Syn);
            emitter.SendDenied(c, t + SimContext.Seconds(1), TcpFlags.Syn);
            emitter.SendDenied(c, t + SimContext.Seconds(3), TcpFlags.Syn);
            return;
        }

        if (!Listens(target, port))
        {
            var arrives = emitter.Send(c, t, true, TcpFlags.Syn);
            TcpDialog.Reset(emitter, c, arrives + TcpDialog.Stack(Random), fromClient: false, withAck: true);
            return;
        }

        var ready = TcpDialog.Handshake(emitter, c, t, Random);
        switch (port)
        {
            case 6379:
                // No AUTH: INFO, CONFIG GET, KEYS all answer.
                for (var i = Random.Next(2, 6); i > 0; i--)
                {
                    ready = TcpDialog.Exchange(emitter, c, ready, Random.Next(20, 60), Random.Next(200, 6_000), SimContext.Micros(Random.Uniform(80, 400)), Random)
                        + SimContext.Millis(Random.Uniform(5, 200));
                }

                TcpDialog.Close(emitter, c, ready, byClient: true, Random);
                break;
            case 5432:
                // Startup message, password request, wrong password, FATAL, the server hangs up.
                ready = TcpDialog.Exchange(emitter, c, ready, Random.Next(40, 90), 24, SimContext.Micros(300), Random);
                ready = TcpDialog.Exchange(emitter, c, ready, Random.Next(40, 80), Random.Next(90, 120), SimContext.Millis(2), Random);
                TcpDialog.Close(emitter, c, ready, byClient: false, Random);
                break;
            case 10250 or 6443:
                ready = TcpDialog.TlsHandshake(emitter, c, ready, Random);
                ready = TcpDialog.Exchange(emitter, c, ready, Random.Next(200, 400), Random.Next(150, 400), SimContext.Millis(Random.Uniform(1, 6)), Random);
                TcpDialog.Close(emitter, c, ready, byClient: true, Random);
                break;
            case 22:
                var banner = TcpDialog.Message(emitter, c, ready + c.OneWayNanos + TcpDialog.Stack(Random), false, 40, Random);
                TcpDialog.Close(emitter, c, banner + SimContext.Millis(Random.Uniform(1, 30)), byClient: true, Random);
                break;
            default:
                ready = TcpDialog.Exchange(emitter, c, ready, Random.Next(150, 400), Random.Next(100, 2_000), SimContext.Millis(Random.Uniform(1, 8)), Random);
                TcpDialog.Close(emitter, c, ready, byClient: true, Random);
                break;
        }
    }
}
