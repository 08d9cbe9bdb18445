namespace AutoShield.Core.Actions;

/// <summary>
/// What an action acts on: a Kubernetes object by kind, namespace and name (<c>Pod</c>, <c>Deployment</c>,
/// <c>Ingress</c>, <c>Service</c>; <c>Node</c> without a namespace), plus the workload it belongs to, which blast
/// radius limits count by.
/// </summary>
public sealed record ActionTarget(string Kind, string? Namespace, string Name)
{
    /// <summary>Owning workload (for example <c>Deployment/checkout</c>) when known.</summary>
    public string? Workload { get; init; }

    /// <summary>Node the target runs on, when known.</summary>
    public string? Node { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Kind/namespace/name, or Kind/name for cluster-scoped objects: the key of per-target limits.</summary>
    public string Key => Namespace is null ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";

    public override string ToString() => Key;
}
