using AutoShield.Core.Flows;
using AutoShield.Core.Net;

namespace AutoShield.Ingestion.Tests.Pipeline;

/// <summary>Names pods from a fixed address table, as a watch-fed cache would, and remembers what it was asked.</summary>
internal sealed class MapAttributor(Dictionary<IpAddr, (string Namespace, string Pod)> pods) : IEndpointAttributor
{
    private static readonly LabelSet Labels = new(["k8s:app=test"]);

    public int Calls { get; private set; }

    public bool TryAttribute(IpAddr address, long unixNanos, ref FlowEndpoint endpoint)
    {
        Calls++;
        if (!pods.TryGetValue(address, out var pod))
        {
            return false;
        }

        endpoint.Namespace = pod.Namespace;
        endpoint.PodName = pod.Pod;
        endpoint.Labels = Labels;
        return true;
    }
}
