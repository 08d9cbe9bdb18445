using AutoShield.Core.Actions;
using AutoShield.Core.Detections;
using AutoShield.Policy.Rules;

namespace AutoShield.Policy.Decisions;

/// <summary>Turns the chosen side of a detection into what an action acts on: the pod, else its workload, else the bare address.</summary>
public static class TargetResolver
{
    public static ActionTarget Resolve(Detection detection, TargetSide side)
    {
        var endpoint = side switch
        {
            TargetSide.Source => detection.Source,
            TargetSide.Destination => detection.Destination,
            _ => InCluster(detection.Source) ? detection.Source : detection.Destination,
        };
        return For(endpoint);
    }

    public static ActionTarget For(DetectionEndpoint endpoint)
    {
        var workload = endpoint.Workload is null ? null : $"{endpoint.WorkloadKind ?? "Deployment"}/{endpoint.Workload}";
        if (endpoint.Pod is not null)
        {
            return new ActionTarget("Pod", endpoint.Namespace, endpoint.Pod) { Workload = workload, Node = endpoint.Node, Labels = endpoint.Labels };
        }

        if (endpoint.Workload is not null)
        {
            return new ActionTarget(endpoint.WorkloadKind ?? "Deployment", endpoint.Namespace, endpoint.Workload) { Workload = workload, Node = endpoint.Node, Labels = endpoint.Labels };
        }

        return new ActionTarget("Address", null, endpoint.Ip ?? "unknown") { Node = endpoint.Node, Labels = endpoint.Labels };
    }

    private static bool InCluster(DetectionEndpoint endpoint) => endpoint.Pod is not null || endpoint.Workload is not null;
}
