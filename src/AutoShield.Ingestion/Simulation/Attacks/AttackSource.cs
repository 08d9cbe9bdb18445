using AutoShield.Ingestion.Simulation.Cluster;
using AutoShield.Ingestion.Simulation.Traffic;

namespace AutoShield.Ingestion.Simulation.Attacks;

/// <summary>
/// An attack injected into the background: it picks its attacker, targets and rates from its own seeded stream
/// when constructed (so the plan is known before the run), and emits only between its start and end.
/// </summary>
internal abstract class AttackSource : ITrafficSource
{
    private const long BatchNanos = 100_000_000;

    protected AttackSource(ClusterModel cluster, string scenario, string label, long start, long end, Random random, double intensity)
    {
        Cluster = cluster;
        Tag = new TrafficTag(label, scenario);
        StartNanos = start;
        EndNanos = end;
        Random = random;
        Intensity = intensity;
    }

    public TrafficTag Tag { get; }

    public long StartNanos { get; }

    public long EndNanos { get; }

    protected ClusterModel Cluster { get; }

    protected Random Random { get; }

    protected double Intensity { get; }

    protected SimContext Context { get; private set; } = null!;

    /// <summary>The plan: attacker, targets, parameters.</summary>
    public abstract AttackWindow Window { get; }

    public void Start(SimContext context)
    {
        Context = context;
        Begin();
    }

    protected abstract void Begin();

    protected AttackWindow Describe(string attacker, IReadOnlyList<string> targets, string description) =>
        new(Tag.Scenario, Tag.Label, ToTime(StartNanos), ToTime(EndNanos), attacker, targets, description);

    /// <summary>Schedules <paramref name="action"/> if <paramref name="time"/> is still inside the attack's window.</summary>
    protected void ScheduleWithin(long time, Action<long> action)
    {
        if (time < EndNanos)
        {
            Context.Schedule(time, action);
        }
    }

    /// <summary>
    /// Calls <paramref name="act"/> at the start and then after each <paramref name="gap"/>, until the end or until it
    /// returns false, in agenda batches of 100 ms so fast attacks do not put one action per packet on the agenda.
    /// </summary>
    protected void Paced(long start, Func<long> gap, Func<long, bool> act)
    {
        void Batch(long now)
        {
            var t = now;
            while (t < EndNanos && t < now + BatchNanos)
            {
                if (!act(t))
                {
                    return;
                }

                t += Math.Max(1_000, gap());
            }

            if (t < EndNanos)
            {
                Context.Schedule(t, Batch);
            }
        }

        if (start < EndNanos)
        {
            Context.Schedule(start, Batch);
        }
    }

    /// <summary>Pods of application workloads an attacker could have compromised (internet-facing or data-adjacent).</summary>
    protected List<Peer> PodsOf(params string[] workloads) =>
        Cluster.Workloads.Where(w => workloads.Contains(w.Name)).SelectMany(w => w.Pods).ToList();

    protected static DateTimeOffset ToTime(long unixNanos) => DateTimeOffset.UnixEpoch.AddTicks(unixNanos / 100);

    /// <summary>Ports a node answers on: ssh, kubelet, node-exporter, kube-proxy health, and 6443 on the control plane.</summary>
    protected static bool NodeListens(Peer node, ushort port) =>
        port is 22 or 10250 or 9100 or 10256 || (port == ClusterModel.ApiServerPort && node.Node!.IsControlPlane);

    /// <summary>Whether a TCP connection attempt to <paramref name="target"/>:<paramref name="port"/> would be answered by a listener.</summary>
    protected static bool Listens(Peer target, ushort port) => target.Kind switch
    {
        PeerKind.Pod => target.Workload!.Listens(port),
        PeerKind.Node => NodeListens(target, port),
        _ => false,
    };

    /// <summary>Whether policy drops <paramref name="source"/>'s packets to <paramref name="target"/>:<paramref name="port"/>.</summary>
    protected static bool Denied(Peer source, Peer target, ushort port) => target.IsPod && !target.Workload!.Admits(source, port);
}
