using System.Text;

namespace AutoShield.Kubernetes.Actions;

/// <summary>
/// Builds deploy/rbac/clusterrole.yaml from the actions' declared RBAC plus what the actuator itself needs (the pod
/// cache's get/list/watch, and Events), one rule per resource with the union of verbs, sorted, so the file is stable.
/// </summary>
public static class ClusterRoleGenerator
{
    public const string RoleName = "autoshield";

    private static readonly string[] VerbOrder = ["get", "list", "watch", "create", "update", "patch", "delete"];

    /// <summary>What the actuator needs besides its actions: the pod/IP cache watches pods; every action writes Events.</summary>
    public static IReadOnlyList<RbacRequirement> Base { get; } =
    [
        RbacRequirement.Of("", "pods", "get", "list", "watch"),

        // The host's pod cache names Deployments from their ReplicaSets (autoshield run).
        RbacRequirement.Of("apps", "replicasets", "list", "watch"),
        RbacRequirement.Of("", "events", "create"),
    ];

    public static IReadOnlyList<RbacRequirement> Rules(ActionRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var verbs = new SortedDictionary<(string Group, string Resource), HashSet<string>>();
        foreach (var rule in Base.Concat(registry.All.SelectMany(a => a.Rbac)))
        {
            foreach (var group in rule.ApiGroups)
            {
                foreach (var resource in rule.Resources)
                {
                    if (!verbs.TryGetValue((group, resource), out var set))
                    {
                        set = [];
                        verbs[(group, resource)] = set;
                    }

                    set.UnionWith(rule.Verbs);
                }
            }
        }

        return [.. verbs.Select(p => RbacRequirement.Of(p.Key.Group, p.Key.Resource, [.. p.Value.OrderBy(v => Array.IndexOf(VerbOrder, v))]))];
    }

    public static string Yaml(ActionRegistry registry)
    {
        var text = new StringBuilder();
        text.Append("# Generated from the actions' declared RBAC: autoshield actions rbac > deploy/rbac/clusterrole.yaml\n");
        text.Append("# Do not edit by hand; a test fails when this file and the declarations differ.\n");
        text.Append("apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n");
        text.Append("  name: ").Append(RoleName).Append('\n');
        text.Append("  labels:\n    app.kubernetes.io/name: autoshield\n    app.kubernetes.io/component: actuator\nrules:\n");
        foreach (var rule in Rules(registry))
        {
            text.Append("  - apiGroups: [").Append(Quoted(rule.ApiGroups)).Append("]\n");
            text.Append("    resources: [").Append(Quoted(rule.Resources)).Append("]\n");
            text.Append("    verbs: [").Append(Quoted(rule.Verbs)).Append("]\n");
        }

        return text.ToString();
    }

    private static string Quoted(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"\"{v}\""));
}
