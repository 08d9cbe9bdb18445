using AutoShield.Core.Flows;
using AutoShield.Ingestion.Simulation.Cluster;

namespace AutoShield.Ingestion.Simulation.Traffic;

/// <summary>
/// kube-dns as pods experience it through Cilium's DNS proxy: the resolver's search path with ndots:5 (so
/// <c>api.stripe.com</c> costs three NXDOMAINs first), A and AAAA asked together, a per-pod cache that honours
/// the TTL, and every question and answer reported as UDP traces plus L7 DNS events.
/// </summary>
internal sealed class DnsService
{
    /// <summary>What Cilium reports as the TTL of an answer without records.</summary>
    public const uint NoRecordsTtl = uint.MaxValue;

    private const uint ClusterTtl = 30;
    private static readonly string[] ARecord = ["A"];

    private readonly SimContext _context;
    private readonly Dictionary<string, (string[] Ips, uint Ttl)> _records = new(StringComparer.Ordinal);
    // Keyed by tag too, so an attack's lookups never warm or expire the background's cache.
    private readonly Dictionary<(TrafficTag Tag, Peer Client, string Name), long> _cache = [];

    public DnsService(SimContext context)
    {
        _context = context;
        foreach (var service in context.Cluster.Services)
        {
            _records[service.Fqdn] = ([service.ClusterIpText], ClusterTtl);
        }

        if (context.Cluster.KubernetesService is { } kubernetes)
        {
            _records[kubernetes.Fqdn] = ([kubernetes.ClusterIpText], ClusterTtl);
        }
    }

    /// <summary>Adds an internet name (fully qualified, trailing dot).</summary>
    public void Register(string fqdn, string[] ips, uint ttl) => _records[fqdn] = (ips, ttl);

    /// <summary>
    /// Resolves <paramref name="name"/> for <paramref name="client"/> unless its cache still holds it; returns when
    /// the address is known (at once on a cache hit, or for clients that are not pods).
    /// </summary>
    public long Resolve(long time, Peer client, string name, TrafficTag tag, Random random)
    {
        if (!client.IsPod || (_cache.TryGetValue((tag, client, name), out var expires) && expires > time))
        {
            return time;
        }

        var flow = NewFlow(client, tag, random);
        uint ttl = 5;
        foreach (var candidate in Candidates(name, client.Workload!.Namespace))
        {
            var found = _records.TryGetValue(candidate, out var record);
            var serverNanos = found && candidate.EndsWith(".cluster.local.", StringComparison.Ordinal)
                ? (long)random.LogNormal(150_000, 0.5)
                : (long)random.LogNormal(found ? 6_000_000 : 400_000, 0.7);
            var a = Query(time, flow, candidate, "A", found ? 0 : 3, found ? record.Ips : null, found ? record.Ttl : NoRecordsTtl, serverNanos, random);
            var aaaa = Query(time + (long)random.Uniform(15_000, 60_000), flow, candidate, "AAAA", found ? 0 : 3, null, NoRecordsTtl, serverNanos, random);
            time = Math.Max(a, aaaa) + TcpDialog.Stack(random);
            if (found)
            {
                ttl = record.Ttl;
                break;
            }
        }

        _cache[(tag, client, name)] = time + SimContext.Seconds(ttl);
        return time;
    }

    /// <summary>A UDP flow from <paramref name="client"/> to one of the CoreDNS pods.</summary>
    public SimConnection NewFlow(Peer client, TrafficTag tag, Random random)
    {
        var coredns = _context.Cluster.Get("kube-system", "coredns");
        return new SimConnection(client, random.Pick(coredns.Pods), random.EphemeralPort(), 53, IpProtocol.Udp, tag, coredns.Service, L7Mode.ClientEgress);
    }

    /// <summary>One question and its answer on <paramref name="flow"/>; returns when the answer reaches the client.</summary>
    public long Query(
        long time, SimConnection flow, string fqdn, string qtype, int rcode, IReadOnlyList<string>? ips, uint ttl, long serverNanos,
        Random random, IReadOnlyList<string>? answerTypes = null)
    {
        var emitter = _context.Emitter;
        var arrives = emitter.Send(flow, time, true, TcpFlags.None, 40 + fqdn.Length);
        var question = new L7Info { Protocol = L7Protocol.Dns, Type = L7FlowType.Request, DnsQuery = fqdn, DnsRcode = -1 };
        emitter.L7(flow, time + (long)random.Uniform(5_000, 25_000), false, question, new HubbleFlowDetails { DnsQueryType = qtype });

        var answered = emitter.Send(flow, arrives + serverNanos, false, TcpFlags.None, 60 + fqdn.Length + (16 * (ips?.Count ?? 0)));
        var answer = new L7Info { Protocol = L7Protocol.Dns, Type = L7FlowType.Response, DnsQuery = fqdn, DnsRcode = rcode };
        emitter.L7(flow, answered - (long)random.Uniform(2_000, 8_000), true, answer, new HubbleFlowDetails
        {
            DnsQueryType = qtype,
            DnsIps = ips,
            DnsAnswerTypes = answerTypes ?? (ips is { Count: > 0 } ? Repeat(ips.Count) : null),
            DnsTtl = ttl,
        });
        return answered;
    }

    /// <summary>The names glibc tries for <paramref name="name"/> with the pod's search path and ndots:5.</summary>
    public static IEnumerable<string> Candidates(string name, string podNamespace)
    {
        if (name.EndsWith('.'))
        {
            yield return name;
            yield break;
        }

        var dots = name.Count(c => c == '.');
        if (dots >= 5)
        {
            yield return name + ".";
        }

        yield return $"{name}.{podNamespace}.svc.cluster.local.";
        yield return $"{name}.svc.cluster.local.";
        yield return $"{name}.cluster.local.";
        if (dots < 5)
        {
            yield return name + ".";
        }
    }

    private static IReadOnlyList<string> Repeat(int count) => count == 1 ? ARecord : Enumerable.Repeat("A", count).ToArray();
}
