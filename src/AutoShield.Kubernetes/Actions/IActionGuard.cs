using AutoShield.Core.Actions;

namespace AutoShield.Kubernetes.Actions;

/// <summary>The safety check an action passes before it runs; the full safety controller implements it, the CLI uses <see cref="ProtectedNamespaceGuard"/>.</summary>
public interface IActionGuard
{
    /// <summary>Null when allowed, else the reason it is refused.</summary>
    string? Refuse(ActionRequest request);
}
