using System.Globalization;
using AutoShield.Core.Flows;
using AutoShield.Ingestion.Simulation.Cluster;
using AutoShield.Ingestion.Simulation.Traffic;

namespace AutoShield.Ingestion.Simulation.Attacks;

/// <summary>
/// A compromised pod scans: a sweep of the common ports over several targets, or a deep scan of one. SYN scans
/// (raw socket, one source port, RST after SYN-ACK) or connect scans; closed ports answer RST/ACK, ports behind
/// policy are dropped and retried once, as are closed ports behind a node's host firewall. Sometimes a few UDP
/// probes, answered by ICMP port unreachable.
/// </summary>
internal sealed class PortScanAttack : AttackSource
{
    private readonly Peer _attacker;
    private readonly List<Peer> _targets;
    private readonly List<(Peer Target, ushort Port, bool Udp)> _probes = [];
    private readonly double _probesPerSecond;
    private readonly bool _synScan;
    private readonly ushort _rawSourcePort;
    private readonly bool _nodeFirewall;

    public PortScanAttack(ClusterModel cluster, long start, long end, Random random, double intensity)
        : base(cluster, Scenarios.PortScanning, AttackLabels.PortScan, start, end, random, intensity)
    {
        _attacker = random.Pick(PodsOf("frontend", "catalog", "cart", "reporting"));
        var candidates = cluster.Pods.Where(p => p.Workload != _attacker.Workload).Concat(cluster.NodeAddresses).ToList();
        var sweep = random.Chance(0.6);
        _targets = random.Shuffled(candidates).Take(sweep ? random.Next(3, 7) : 1).ToList();
        var portsPerTarget = sweep ? random.Next(60, 120) : random.Next(300, 1000);
        _probesPerSecond = random.Uniform(80, 400) * intensity;
        _synScan = random.Chance(0.8);
        _rawSourcePort = (ushort)random.Next(40000, 65000);
        _nodeFirewall = random.Chance(0.5);
        var udp = random.Chance(0.2);
        foreach (var target in _targets)
        {
            foreach (var port in CommonPorts.Pick(portsPerTarget, random))
            {
                _probes.Add((target, port, false));
            }

            if (udp)
            {
                _probes.AddRange(CommonPorts.Udp.Select(p => (target, p, true)));
            }
        }

        // Scanners interleave hosts; shuffle within blocks so targets overlap in time but ports stay spread.
        _probes = random.Shuffled(_probes);
        Window = Describe(_attacker.DisplayName, _targets.Select(t => t.DisplayName).ToList(), string.Create(CultureInfo.InvariantCulture,
            $"{(_synScan ? "SYN" : "connect")} scan, {_probes.Count} probes over {_targets.Count} target(s) at about {_probesPerSecond:F0} probes/s"));
    }

    public override AttackWindow Window { get; }

    protected override void Begin()
    {
        var next = 0;
        Paced(StartNanos, () => (long)Random.Exponential(1e9 / _probesPerSecond), t =>
        {
            if (next >= _probes.Count)
            {
                return false;
            }

            var (target, port, udp) = _probes[next++];
            if (udp)
            {
                UdpProbe(t, target, port);
            }
            else
            {
                TcpProbe(t, target, port);
            }

            return true;
        });
    }

    private void TcpProbe(long t, Peer target, ushort port)
    {
        var emitter = Context.Emitter;
        var sourcePort = _synScan ? _rawSourcePort : Random.EphemeralPort();
        var c = new SimConnection(_attacker, target, sourcePort, port, IpProtocol.Tcp, Tag);
        if (Denied(_attacker, target, port))
        {
            emitter.SendDenied(c, t, TcpFlags.Syn);
            emitter.SendDenied(c, t + SimContext.Seconds(Random.Uniform(1.0, 1.5)), TcpFlags.Syn);
            return;
        }

        var arrives = emitter.Send(c, t, true, TcpFlags.Syn);
        if (!Listens(target, port) && target.Kind == PeerKind.Node && _nodeFirewall)
        {
            // A host firewall drops closed ports silently; the scanner retries once.
            emitter.Send(c, t + SimContext.Seconds(Random.Uniform(1.0, 1.5)), true, TcpFlags.Syn);
            return;
        }

        if (!Listens(target, port))
        {
            TcpDialog.Reset(emitter, c, arrives + TcpDialog.Stack(Random), fromClient: false, withAck: true);
            return;
        }

        var synAck = emitter.Send(c, arrives + TcpDialog.Stack(Random), false, TcpFlags.Syn | TcpFlags.Ack);
        if (_synScan)
        {
            TcpDialog.Reset(emitter, c, synAck + TcpDialog.Stack(Random), fromClient: true, withAck: false);
        }
        else
        {
            var ack = synAck + TcpDialog.Stack(Random);
            emitter.Send(c, ack, true, TcpFlags.Ack);
            TcpDialog.Reset(emitter, c, ack + TcpDialog.Stack(Random), fromClient: true, withAck: true);
        }
    }

    private void UdpProbe(long t, Peer target, ushort port)
    {
        var emitter = Context.Emitter;
        var c = new SimConnection(_attacker, target, _rawSourcePort, port, IpProtocol.Udp, Tag);
        if (Denied(_attacker, target, port))
        {
            emitter.SendDenied(c, t, TcpFlags.None);
            return;
        }

        var arrives = emitter.Send(c, t, true, TcpFlags.None, 0);
        if (target.Workload is { UdpPort: var udp } && udp == port)
        {
            emitter.Send(c, arrives + TcpDialog.Stack(Random), false, TcpFlags.None, 12);
        }
        else
        {
            emitter.SendIcmpError(c, arrives + TcpDialog.Stack(Random), 3, 3);
        }
    }
}
