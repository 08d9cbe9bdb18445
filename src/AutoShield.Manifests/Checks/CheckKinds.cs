namespace AutoShield.Manifests.Checks;

/// <summary>Kind lists checks declare; <see cref="Workloads"/> stands for every kind with a pod template.</summary>
public static class CheckKinds
{
    /// <summary>Marker for "every workload kind", resolved against the scan's workload kinds.</summary>
    public const string WorkloadMarker = "@workloads";

    public static IReadOnlyList<string> Workloads { get; } = [WorkloadMarker];

    public static IReadOnlyList<string> Services { get; } = ["Service"];

    public static IReadOnlyList<string> Ingresses { get; } = ["Ingress"];

    public static IReadOnlyList<string> Roles { get; } = ["Role", "ClusterRole"];

    public static IReadOnlyList<string> Bindings { get; } = ["RoleBinding", "ClusterRoleBinding"];

    public static IReadOnlyList<string> ConfigMaps { get; } = ["ConfigMap"];

    /// <summary>Any kind at all.</summary>
    public static IReadOnlyList<string> Any { get; } = ["*"];
}
