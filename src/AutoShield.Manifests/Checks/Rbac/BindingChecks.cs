namespace AutoShield.Manifests.Checks.Rbac;

/// <summary>RoleBindings and ClusterRoleBindings to cluster-admin or to the cluster's built-in broad groups.</summary>
internal static class BindingChecks
{
    private static readonly HashSet<string> BroadSubjects = new(StringComparer.Ordinal)
    {
        "system:anonymous", "system:unauthenticated", "system:authenticated", "system:masters",
    };

    public static readonly ICheck ClusterAdmin = new ObjectCheck(
        new CheckDefinition
        {
            Id = "cluster-admin-binding",
            Title = "Binding to cluster-admin",
            Severity = Severity.High,
            Category = "rbac",
            Kinds = CheckKinds.Bindings,
            Url = Links.Rbac,
            Description = "The binding grants the cluster-admin ClusterRole: every permission on every resource (in the namespace, for a RoleBinding).",
            Remediation = "Bind a role with the permissions the subject needs instead.",
            Equivalents = new() { KubeLinter = "cluster-admin-role-binding", Polaris = "clusterrolebindingClusterAdmin, rolebindingClusterAdminClusterRole", Trivy = "KSV-0111", Kubescape = "C-0035", KubescapeRule = "rule-list-all-cluster-admins-v1" },
        },
        (obj, sink) =>
        {
            var roleRef = obj.Root.Get("roleRef");
            if (roleRef?.Get("kind")?.AsString() == "ClusterRole" && roleRef.Get("name") is { } name && name.AsString() == "cluster-admin")
            {
                sink.Report(obj, name, $"{obj.Kind} {obj.Name} grants cluster-admin");
            }
        });

    public static readonly ICheck SystemGroups = new ObjectCheck(
        new CheckDefinition
        {
            Id = "binding-to-system-group",
            Title = "Binding to anonymous, all authenticated users or system:masters",
            Severity = Severity.Critical,
            Category = "rbac",
            Kinds = CheckKinds.Bindings,
            Url = Links.Rbac,
            Description = "The binding grants its role to system:anonymous, system:unauthenticated or system:authenticated (anyone who can reach the API server), or names system:masters.",
            Remediation = "Bind the role to specific users, groups or service accounts.",
            Equivalents = new() { Kubesec = "BindingsToSystemAnonymous", Trivy = "KSV-0122, KSV-01011, KSV-0123", Kubescape = "C-0262" },
        },
        (obj, sink) =>
        {
            foreach (var subject in obj.Root.Get("subjects")?.Items ?? [])
            {
                if (subject.Get("name") is { } name && name.AsString() is { } n && BroadSubjects.Contains(n))
                {
                    sink.Report(obj, name, $"{obj.Kind} {obj.Name} binds {obj.Root.Get("roleRef")?.Get("name")?.AsString()} to {n}");
                }
            }
        });

    public static IEnumerable<ICheck> All() => [ClusterAdmin, SystemGroups];
}
