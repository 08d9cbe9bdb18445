using AutoShield.Core.Detections;
using AutoShield.Core.Flows;
using AutoShield.Core.Net;

namespace AutoShield.Detection.Runtime;

/// <summary>Fills a <see cref="DetectionEndpoint"/> from a flow endpoint as the source reported it.</summary>
internal static class EndpointMapper
{
    public static DetectionEndpoint Map(in FlowEndpoint endpoint, IpAddr ip, int port, string? node) => new()
    {
        Namespace = endpoint.Namespace,
        Pod = endpoint.PodName,
        Workload = endpoint.Workload,
        WorkloadKind = endpoint.WorkloadKind,
        Node = node,
        Ip = ip.IsNone ? null : ip.ToString(),
        Port = port,
        Labels = Labels(endpoint.Labels),
    };

    /// <summary><c>k8s:app=cart</c> becomes <c>app: cart</c>; labels without a value (<c>reserved:host</c>) are left out.</summary>
    private static Dictionary<string, string> Labels(LabelSet? labels)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (labels is null)
        {
            return result;
        }

        foreach (var label in labels.All)
        {
            var eq = label.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var colon = label.IndexOf(':', StringComparison.Ordinal);
            var start = colon >= 0 && colon < eq ? colon + 1 : 0;
            result.TryAdd(label[start..eq], label[(eq + 1)..]);
        }

        return result;
    }
}
