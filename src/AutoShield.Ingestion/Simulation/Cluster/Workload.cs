using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Simulation.Cluster;

/// <summary>A Deployment, StatefulSet or CronJob: its pods, the ports they listen on, and the policy in front of them.</summary>
internal sealed class Workload
{
    public required string Namespace { get; init; }

    public required string Name { get; init; }

    /// <summary>Deployment, StatefulSet, CronJob.</summary>
    public required string Kind { get; init; }

    public required LabelSet Labels { get; init; }

    public required uint Identity { get; init; }

    public List<Peer> Pods { get; } = [];

    /// <summary>The port clients use; 0 when the workload serves nothing.</summary>
    public ushort Port { get; init; }

    /// <summary>Every TCP port a pod listens on (main, metrics, probes).</summary>
    public IReadOnlyList<ushort> OpenPorts { get; init; } = [];

    /// <summary>UDP port served (DNS), 0 for none.</summary>
    public ushort UdpPort { get; init; }

    /// <summary>Prometheus scrape port serving plain HTTP /metrics; 0 when not scraped.</summary>
    public ushort MetricsPort { get; init; }

    /// <summary>HTTP probe path; null means a TCP probe on <see cref="Port"/>, and no probes when Port is 0.</summary>
    public string? ProbePath { get; init; }

    public ushort ProbePort { get; init; }

    /// <summary>Cilium L7 visibility on the main port (an HTTP rule in the ingress policy): events go TO_PROXY and L7 events are logged.</summary>
    public bool L7Ingress { get; init; }

    /// <summary>Ingress allow rules; null means no policy selects the pods, so everything is allowed.</summary>
    public IReadOnlyList<PolicyRule>? Policy { get; init; }

    public KubeService? Service { get; set; }

    public bool Listens(ushort port) => OpenPorts.Contains(port);

    /// <summary>Whether ingress policy lets <paramref name="source"/> reach <paramref name="port"/>. Node addresses
    /// (kubelet probes, the host) are always allowed, as Cilium allows the local host by default.</summary>
    public bool Admits(Peer source, ushort port)
    {
        if (Policy is null || source.Kind == PeerKind.Node)
        {
            return true;
        }

        foreach (var rule in Policy)
        {
            if (rule.Allows(source, port))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => $"{Namespace}/{Name}";
}
