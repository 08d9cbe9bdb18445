using AutoShield.Manifests.Model;
using AutoShield.Manifests.Yaml;

namespace AutoShield.Manifests.Checks.Rbac;

/// <summary>One rule of a Role or ClusterRole, with helpers that understand the <c>*</c> wildcard.</summary>
internal sealed class RbacRule
{
    private RbacRule(ManifestNode node)
    {
        Node = node;
        ApiGroups = Strings(node.Get("apiGroups"));
        Resources = Strings(node.Get("resources"));
        Verbs = Strings(node.Get("verbs"));
    }

    public ManifestNode Node { get; }

    public IReadOnlyList<string> ApiGroups { get; }

    public IReadOnlyList<string> Resources { get; }

    public IReadOnlyList<string> Verbs { get; }

    public static IEnumerable<RbacRule> Of(ManifestObject role) =>
        (role.Root.Get("rules")?.Items ?? []).Where(r => r.IsMapping).Select(r => new RbacRule(r));

    public bool HasVerb(params string[] verbs) => Verbs.Any(v => v == "*" || verbs.Contains(v));

    /// <summary>The rule grants on <paramref name="resource"/> (exact, <c>*</c>, or <c>pods/*</c> for a subresource) in <paramref name="group"/>.</summary>
    public bool Covers(string group, string resource)
    {
        if (!ApiGroups.Any(g => g == "*" || g == group))
        {
            return false;
        }

        var slash = resource.IndexOf('/', StringComparison.Ordinal);
        return Resources.Any(r => r == "*" || r == resource || (slash > 0 && r == resource[..slash] + "/*"));
    }

    private static List<string> Strings(ManifestNode? list) =>
        list?.Items.Select(i => i.AsString() ?? "").ToList() ?? [];
}
