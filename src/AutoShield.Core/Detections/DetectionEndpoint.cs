namespace AutoShield.Core.Detections;

/// <summary>
/// One side of a detection as policies and actions see it: who it is in the cluster (when the source knew) and
/// its address. A side without <see cref="Pod"/> is an IP the cluster does not own, or one a pod cache could not
/// attribute.
/// </summary>
public sealed record DetectionEndpoint
{
    public string? Namespace { get; init; }

    public string? Pod { get; init; }

    /// <summary>Owning workload name (Deployment, StatefulSet, ...) when known.</summary>
    public string? Workload { get; init; }

    public string? WorkloadKind { get; init; }

    public string? Node { get; init; }

    /// <summary>Address in its usual text form, or null.</summary>
    public string? Ip { get; init; }

    /// <summary>Port of the newest connection on this side; 0 when the protocol has none.</summary>
    public int Port { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = EmptyLabels;

    /// <summary>namespace/pod, else namespace/workload, else the IP.</summary>
    public string DisplayName => (Pod ?? Workload) is { } name
        ? (Namespace is null ? name : $"{Namespace}/{name}")
        : Ip ?? "unknown";

    private static readonly IReadOnlyDictionary<string, string> EmptyLabels = new Dictionary<string, string>();
}
