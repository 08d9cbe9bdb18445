namespace AutoShield.Manifests.Checks.ApiVersions;

/// <summary>The deprecation guide's table of apiVersion/kind pairs, with minor versions (all Kubernetes 1.x).</summary>
internal static class ApiDeprecations
{
    public static IReadOnlyList<ApiDeprecation> All { get; } =
    [
        new("extensions/v1beta1", "Deployment", 9, 16, "apps/v1"),
        new("extensions/v1beta1", "DaemonSet", 9, 16, "apps/v1"),
        new("extensions/v1beta1", "ReplicaSet", 9, 16, "apps/v1"),
        new("extensions/v1beta1", "NetworkPolicy", 9, 16, "networking.k8s.io/v1"),
        new("extensions/v1beta1", "PodSecurityPolicy", 10, 16, "none (use Pod Security admission)"),
        new("extensions/v1beta1", "Ingress", 14, 22, "networking.k8s.io/v1"),
        new("apps/v1beta1", "Deployment", 9, 16, "apps/v1"),
        new("apps/v1beta1", "StatefulSet", 9, 16, "apps/v1"),
        new("apps/v1beta1", "ReplicaSet", 9, 16, "apps/v1"),
        new("apps/v1beta2", "Deployment", 9, 16, "apps/v1"),
        new("apps/v1beta2", "StatefulSet", 9, 16, "apps/v1"),
        new("apps/v1beta2", "DaemonSet", 9, 16, "apps/v1"),
        new("apps/v1beta2", "ReplicaSet", 9, 16, "apps/v1"),
        new("networking.k8s.io/v1beta1", "Ingress", 19, 22, "networking.k8s.io/v1"),
        new("networking.k8s.io/v1beta1", "IngressClass", 19, 22, "networking.k8s.io/v1"),
        new("rbac.authorization.k8s.io/v1beta1", "Role", 17, 22, "rbac.authorization.k8s.io/v1"),
        new("rbac.authorization.k8s.io/v1beta1", "ClusterRole", 17, 22, "rbac.authorization.k8s.io/v1"),
        new("rbac.authorization.k8s.io/v1beta1", "RoleBinding", 17, 22, "rbac.authorization.k8s.io/v1"),
        new("rbac.authorization.k8s.io/v1beta1", "ClusterRoleBinding", 17, 22, "rbac.authorization.k8s.io/v1"),
        new("rbac.authorization.k8s.io/v1alpha1", "Role", 17, 22, "rbac.authorization.k8s.io/v1"),
        new("rbac.authorization.k8s.io/v1alpha1", "ClusterRole", 17, 22, "rbac.authorization.k8s.io/v1"),
        new("rbac.authorization.k8s.io/v1alpha1", "RoleBinding", 17, 22, "rbac.authorization.k8s.io/v1"),
        new("rbac.authorization.k8s.io/v1alpha1", "ClusterRoleBinding", 17, 22, "rbac.authorization.k8s.io/v1"),
        new("admissionregistration.k8s.io/v1beta1", "MutatingWebhookConfiguration", 16, 22, "admissionregistration.k8s.io/v1"),
        new("admissionregistration.k8s.io/v1beta1", "ValidatingWebhookConfiguration", 16, 22, "admissionregistration.k8s.io/v1"),
        new("apiextensions.k8s.io/v1beta1", "CustomResourceDefinition", 16, 22, "apiextensions.k8s.io/v1"),
        new("apiregistration.k8s.io/v1beta1", "APIService", 19, 22, "apiregistration.k8s.io/v1"),
        new("certificates.k8s.io/v1beta1", "CertificateSigningRequest", 19, 22, "certificates.k8s.io/v1"),
        new("coordination.k8s.io/v1beta1", "Lease", 19, 22, "coordination.k8s.io/v1"),
        new("scheduling.k8s.io/v1beta1", "PriorityClass", 14, 22, "scheduling.k8s.io/v1"),
        new("storage.k8s.io/v1beta1", "CSIDriver", 19, 22, "storage.k8s.io/v1"),
        new("storage.k8s.io/v1beta1", "CSINode", 17, 22, "storage.k8s.io/v1"),
        new("storage.k8s.io/v1beta1", "StorageClass", 19, 22, "storage.k8s.io/v1"),
        new("storage.k8s.io/v1beta1", "VolumeAttachment", 19, 22, "storage.k8s.io/v1"),
        new("batch/v1beta1", "CronJob", 21, 25, "batch/v1"),
        new("discovery.k8s.io/v1beta1", "EndpointSlice", 21, 25, "discovery.k8s.io/v1"),
        new("events.k8s.io/v1beta1", "Event", 19, 25, "events.k8s.io/v1"),
        new("autoscaling/v2beta1", "HorizontalPodAutoscaler", 22, 25, "autoscaling/v2"),
        new("autoscaling/v2beta2", "HorizontalPodAutoscaler", 23, 26, "autoscaling/v2"),
        new("policy/v1beta1", "PodDisruptionBudget", 21, 25, "policy/v1"),
        new("policy/v1beta1", "PodSecurityPolicy", 21, 25, "none (use Pod Security admission)"),
        new("node.k8s.io/v1beta1", "RuntimeClass", 20, 25, "node.k8s.io/v1"),
        new("flowcontrol.apiserver.k8s.io/v1beta1", "FlowSchema", 23, 26, "flowcontrol.apiserver.k8s.io/v1"),
        new("flowcontrol.apiserver.k8s.io/v1beta1", "PriorityLevelConfiguration", 23, 26, "flowcontrol.apiserver.k8s.io/v1"),
        new("flowcontrol.apiserver.k8s.io/v1beta2", "FlowSchema", 26, 29, "flowcontrol.apiserver.k8s.io/v1"),
        new("flowcontrol.apiserver.k8s.io/v1beta2", "PriorityLevelConfiguration", 26, 29, "flowcontrol.apiserver.k8s.io/v1"),
        new("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema", 29, 32, "flowcontrol.apiserver.k8s.io/v1"),
        new("flowcontrol.apiserver.k8s.io/v1beta3", "PriorityLevelConfiguration", 29, 32, "flowcontrol.apiserver.k8s.io/v1"),
        new("storage.k8s.io/v1beta1", "CSIStorageCapacity", 24, 27, "storage.k8s.io/v1"),
        new("v1", "Endpoints", 33, null, "discovery.k8s.io/v1 EndpointSlice"),
    ];

    private static readonly Dictionary<(string, string), ApiDeprecation> Index = All.ToDictionary(d => (d.ApiVersion, d.Kind));

    public static ApiDeprecation? Find(string apiVersion, string kind) => Index.TryGetValue((apiVersion, kind), out var d) ? d : null;
}
