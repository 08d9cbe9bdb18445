namespace AutoShield.Ingestion.Tetragon;

/// <summary>The Kubernetes pod a process runs in.</summary>
public sealed record TetragonPod
{
    public string? Namespace { get; init; }

    public string? Name { get; init; }

    /// <summary>All pod labels (<c>pod_labels</c>).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Cilium identity labels (<c>labels</c>, older exports), already in <c>k8s:key=value</c> form.</summary>
    public IReadOnlyList<string> IdentityLabels { get; init; } = [];

    public string? Workload { get; init; }

    public string? WorkloadKind { get; init; }

    public TetragonContainer? Container { get; init; }
}
