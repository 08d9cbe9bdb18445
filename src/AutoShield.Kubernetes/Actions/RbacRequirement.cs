namespace AutoShield.Kubernetes.Actions;

/// <summary>One RBAC rule an action needs: API groups, resources and verbs, as a ClusterRole rule writes them.</summary>
public sealed record RbacRequirement(IReadOnlyList<string> ApiGroups, IReadOnlyList<string> Resources, IReadOnlyList<string> Verbs)
{
    public static RbacRequirement Of(string group, string resource, params string[] verbs) => new([group], [resource], verbs);
}
