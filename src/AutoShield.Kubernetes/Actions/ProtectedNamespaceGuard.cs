using AutoShield.Core.Actions;

namespace AutoShield.Kubernetes.Actions;

/// <summary>Refuses actions on targets in protected namespaces: kube-system, autoshield-system, and any configured.</summary>
public sealed class ProtectedNamespaceGuard : IActionGuard
{
    public static IReadOnlyList<string> Defaults { get; } = ["kube-system", "autoshield-system"];

    private readonly HashSet<string> _protected;

    public ProtectedNamespaceGuard(IEnumerable<string>? extra = null)
    {
        _protected = new HashSet<string>(Defaults.Concat(extra ?? []), StringComparer.Ordinal);
    }

    public string? Refuse(ActionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Target.Namespace is { } ns && _protected.Contains(ns)
            ? $"namespace {ns} is protected: AutoShield never acts on {string.Join(", ", _protected.Order(StringComparer.Ordinal))}"
            : null;
    }
}
