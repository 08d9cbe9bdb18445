namespace AutoShield.Kubernetes.Client;

/// <summary>The resource types AutoShield reads and writes; others are one <see cref="ResourceType"/> away.</summary>
public static class ResourceTypes
{
    public static ResourceType Namespaces { get; } = new("", "v1", "namespaces", "Namespace", false);
    public static ResourceType Pods { get; } = new("", "v1", "pods", "Pod", true);
    public static ResourceType Nodes { get; } = new("", "v1", "nodes", "Node", false);
    public static ResourceType Services { get; } = new("", "v1", "services", "Service", true);
    public static ResourceType Endpoints { get; } = new("", "v1", "endpoints", "Endpoints", true);
    public static ResourceType ConfigMaps { get; } = new("", "v1", "configmaps", "ConfigMap", true);
    public static ResourceType Secrets { get; } = new("", "v1", "secrets", "Secret", true);
    public static ResourceType ServiceAccounts { get; } = new("", "v1", "serviceaccounts", "ServiceAccount", true);
    public static ResourceType Events { get; } = new("", "v1", "events", "Event", true);
    public static ResourceType EventsV1 { get; } = new("events.k8s.io", "v1", "events", "Event", true);
    public static ResourceType Deployments { get; } = new("apps", "v1", "deployments", "Deployment", true);
    public static ResourceType ReplicaSets { get; } = new("apps", "v1", "replicasets", "ReplicaSet", true);
    public static ResourceType StatefulSets { get; } = new("apps", "v1", "statefulsets", "StatefulSet", true);
    public static ResourceType DaemonSets { get; } = new("apps", "v1", "daemonsets", "DaemonSet", true);
    public static ResourceType Jobs { get; } = new("batch", "v1", "jobs", "Job", true);
    public static ResourceType CronJobs { get; } = new("batch", "v1", "cronjobs", "CronJob", true);
    public static ResourceType NetworkPolicies { get; } = new("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true);
    public static ResourceType Ingresses { get; } = new("networking.k8s.io", "v1", "ingresses", "Ingress", true);
    public static ResourceType Leases { get; } = new("coordination.k8s.io", "v1", "leases", "Lease", true);
    public static ResourceType PodDisruptionBudgets { get; } = new("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true);
    public static ResourceType CiliumNetworkPolicies { get; } = new("cilium.io", "v2", "ciliumnetworkpolicies", "CiliumNetworkPolicy", true);
}
