namespace AutoShield.Kubernetes.Pods;

/// <summary>Who held an IP: the pod, its workload (null for a bare pod), its labels and its node.</summary>
public sealed record PodIdentity(string Namespace, string Name, string Uid, WorkloadRef? Workload, IReadOnlyDictionary<string, string> Labels, string? NodeName);
