namespace AutoShield.Kubernetes.Fake.Auth;

/// <summary>
/// One RBAC policy rule as a Role or ClusterRole holds it: API groups, resources (<c>pods</c>, <c>pods/status</c>),
/// verbs (get, list, watch, create, update, patch, delete, deletecollection), optionally limited to namespaces
/// and resource names. <c>*</c> matches anything.
/// </summary>
public sealed record RbacRule(IReadOnlyList<string> ApiGroups, IReadOnlyList<string> Resources, IReadOnlyList<string> Verbs)
{
    /// <summary>Namespaces the rule applies in (a RoleBinding); null for everywhere (a ClusterRoleBinding).</summary>
    public IReadOnlyList<string>? Namespaces { get; init; }

    public IReadOnlyList<string>? ResourceNames { get; init; }

    public bool Allows(string verb, string group, string resource, string? subresource, string? ns, string? name)
    {
        var full = subresource is null ? resource : $"{resource}/{subresource}";
        return Has(ApiGroups, group)
            && (Has(Resources, full) || (subresource is not null && Resources.Contains($"{resource}/*")) || Resources.Contains("*"))
            && Has(Verbs, verb)
            && (Namespaces is null || (ns is not null && Has(Namespaces, ns)))
            && (ResourceNames is null || ResourceNames.Count == 0 || (name is not null && ResourceNames.Contains(name)));
    }

    private static bool Has(IReadOnlyList<string> values, string value) => values.Contains("*") || values.Contains(value);
}
