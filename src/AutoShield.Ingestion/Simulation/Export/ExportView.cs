using AutoShield.Core.Flows;
using AutoShield.Ingestion.Simulation.Cluster;

namespace AutoShield.Ingestion.Simulation.Export;

/// <summary>
/// The run as a filtered Hubble export shows it: each node keeps a seeded <see cref="ExportStyle"/> (the filtered
/// styles in seeded order come first, so a three-node cluster shows each of them; the control plane last; plain runs show everything), and the capture starts part-way into the
/// run, so connections already open appear mid-stream. Real exports differ in exactly these ways, and the model
/// must not read "only a SYN verdict" or "only L7 records" as an attack on its own.
/// </summary>
internal sealed class ExportView
{
    private readonly Dictionary<string, ExportStyle> _styles = new(StringComparer.Ordinal);
    private readonly long _captureStart;

    public ExportView(ClusterModel cluster, int seed, long startNanos, long endNanos)
    {
        var random = SeedMixer.Random(seed, "export");
        var styles = Enum.GetValues<ExportStyle>();
        var order = random.Shuffled(styles.Where(s => s != ExportStyle.Everything));
        order.Add(ExportStyle.Everything);
        // Workers first: they run the applications, the control plane sees little beyond the API server.
        var nodes = cluster.Workers.Concat(cluster.Nodes.Where(n => n.IsControlPlane)).ToList();
        for (var i = 0; i < nodes.Count; i++)
        {
            _styles[nodes[i].Name] = i < order.Count ? order[i] : random.Pick(styles);
        }

        _captureStart = startNanos + (long)((endNanos - startNanos) * random.Uniform(0.05, 0.3));
    }

    /// <summary>The style of the node named <paramref name="nodeName"/>; nodes the cluster does not know export everything.</summary>
    public ExportStyle StyleOf(string? nodeName) =>
        nodeName is not null && _styles.TryGetValue(nodeName, out var style) ? style : ExportStyle.Everything;

    public bool Keeps(in FlowEvent flow)
    {
        if (flow.TimeUnixNanos < _captureStart)
        {
            return false;
        }

        return StyleOf(flow.NodeName) switch
        {
            ExportStyle.VerdictsAndDrops => flow.Kind is FlowEventKind.PolicyVerdict or FlowEventKind.Drop,
            ExportStyle.L7Only => flow.Kind == FlowEventKind.L7,
            ExportStyle.TracesOnly => flow.Kind is FlowEventKind.Trace or FlowEventKind.Drop,
            _ => true,
        };
    }

    public IEnumerable<SimulatedFlow> Filter(IEnumerable<SimulatedFlow> flows)
    {
        foreach (var flow in flows)
        {
            if (Keeps(flow.Flow))
            {
                yield return flow;
            }
        }
    }
}
