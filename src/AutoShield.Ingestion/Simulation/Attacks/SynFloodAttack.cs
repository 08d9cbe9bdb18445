using System.Globalization;
using AutoShield.Core.Flows;
using AutoShield.Ingestion.Simulation.Cluster;
using AutoShield.Ingestion.Simulation.Traffic;

namespace AutoShield.Ingestion.Simulation.Attacks;

/// <summary>
/// SYNs at hundreds per second to one exposed service port, from spoofed random internet addresses or from a
/// few real ones. The target answers every SYN with a SYN-ACK (SYN cookies keep it answering), retransmits some,
/// and now and then a spoofed address that is a real host answers the unexpected SYN-ACK with a RST. No
/// handshake ever completes.
/// </summary>
internal sealed class SynFloodAttack : AttackSource
{
    private readonly Workload _target;
    private readonly ushort _port;
    private readonly bool _spoofed;
    private readonly List<Peer> _sources;
    private readonly double _synsPerSecond;

    public SynFloodAttack(ClusterModel cluster, long start, long end, Random random, double intensity)
        : base(cluster, Scenarios.SynFlood, AttackLabels.SynFlood, start, end, random, intensity)
    {
        var sftp = random.Chance(0.2);
        _target = sftp ? cluster.Get("data", "sftp-gateway") : cluster.Get("ingress-nginx", "ingress-nginx-controller");
        _port = sftp ? (ushort)22 : random.Chance(0.6) ? (ushort)443 : (ushort)80;
        _spoofed = random.Chance(0.7);
        var first = WorldAddresses.Next(random);
        _sources = Enumerable.Range(0, random.Next(1, 4))
            .Select(i => Peer.World(i == 0 ? first : WorldAddresses.InSameSubnet(first, random)))
            .ToList();
        _synsPerSecond = random.Uniform(300, 900) * intensity;
        Window = Describe(_spoofed ? "spoofed internet addresses" : string.Join(", ", _sources.Select(s => s.IpText)),
            [$"{_target.Namespace}/{_target.Name}:{_port}"],
            string.Create(CultureInfo.InvariantCulture, $"about {_synsPerSecond:F0} SYN/s to port {_port}, {(_spoofed ? "randomly spoofed sources" : $"{_sources.Count} source(s)")}"));
    }

    public override AttackWindow Window { get; }

    protected override void Begin()
    {
        var ramp = SimContext.Seconds(Random.Uniform(1, 4));
        Paced(StartNanos, () => (long)Random.Exponential(1e9 / _synsPerSecond), t =>
        {
            // Floods ramp up as the botnet's senders join.
            if (t - StartNanos < ramp && Random.NextDouble() > (double)(t - StartNanos) / ramp)
            {
                return true;
            }

            Syn(t);
            return true;
        });
    }

    private void Syn(long t)
    {
        var emitter = Context.Emitter;
        var source = _spoofed ? Peer.World(WorldAddresses.Next(Random)) : Random.Pick(_sources);
        var pod = Random.Pick(_target.Pods);
        var c = new SimConnection(source, pod, (ushort)Random.Next(1024, 65535), _port, IpProtocol.Tcp, Tag, _target.Service,
            oneWayNanos: (long)Random.LogNormal(25_000_000, 0.5));
        var arrives = emitter.Send(c, t, true, TcpFlags.Syn);
        var synAck = arrives + TcpDialog.Stack(Random);
        emitter.Send(c, synAck, false, TcpFlags.Syn | TcpFlags.Ack);
        if (_spoofed && Random.Chance(0.15))
        {
            // A live host behind the spoofed address never sent that SYN, so it resets.
            emitter.Send(c, synAck + (2 * c.OneWayNanos), true, TcpFlags.Rst);
        }
        else if (Random.Chance(0.5))
        {
            emitter.Send(c, synAck + SimContext.Seconds(Random.Uniform(1.0, 1.1)), false, TcpFlags.Syn | TcpFlags.Ack);
        }
    }
}
