using AutoShield.Kubernetes.Client;

namespace AutoShield.Kubernetes.Actions;

/// <summary>Maps an <see cref="Core.Actions.ActionTarget"/> kind to its resource type.</summary>
public static class TargetTypes
{
    public static ResourceType For(string kind) => kind switch
    {
        "Pod" => ResourceTypes.Pods,
        "Node" => ResourceTypes.Nodes,
        "Ingress" => ResourceTypes.Ingresses,
        "Service" => ResourceTypes.Services,
        "Deployment" => ResourceTypes.Deployments,
        "StatefulSet" => ResourceTypes.StatefulSets,
        "DaemonSet" => ResourceTypes.DaemonSets,
        "ReplicaSet" => ResourceTypes.ReplicaSets,
        "Job" => ResourceTypes.Jobs,
        _ => throw new ArgumentException($"no resource type for target kind '{kind}'", nameof(kind)),
    };
}
