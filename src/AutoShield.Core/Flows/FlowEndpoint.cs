namespace AutoShield.Core.Flows;

/// <summary>
/// One side of a flow event as Cilium identifies it. Strings are interned by the reader (see
/// <see cref="Text.StringPool"/>), so copying an endpoint copies references, never characters.
/// </summary>
public struct FlowEndpoint
{
    public string? Namespace;
    public string? PodName;
    /// <summary>Owning workload name (Deployment, StatefulSet, ...) when known.</summary>
    public string? Workload;
    public string? WorkloadKind;
    /// <summary>Service the address belongs to (<c>source_service</c> / <c>destination_service</c>).</summary>
    public string? ServiceName;
    /// <summary>Cilium security identity: 1 host, 2 world, 4 health, 6 remote-node, 256 and up a workload.</summary>
    public uint Identity;
    public LabelSet? Labels;

    public readonly bool HasPod => PodName is not null;

    /// <summary>Best available name: namespace/pod, else namespace/workload, else null (the caller falls back to the IP).</summary>
    public readonly string? DisplayName => PodName is not null
        ? (Namespace is null ? PodName : $"{Namespace}/{PodName}")
        : Workload is not null ? (Namespace is null ? Workload : $"{Namespace}/{Workload}") : null;
}
