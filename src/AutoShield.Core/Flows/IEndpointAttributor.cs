using AutoShield.Core.Net;

namespace AutoShield.Core.Flows;

/// <summary>
/// Names the pod behind an address for flows whose source carries only addresses (pcap, CSV). Called on the
/// per-event path, so implementations should allocate nothing in their steady state.
/// </summary>
public interface IEndpointAttributor
{
    /// <summary>
    /// Fills <see cref="FlowEndpoint.Namespace"/>, <see cref="FlowEndpoint.PodName"/>, <see cref="FlowEndpoint.Workload"/>,
    /// <see cref="FlowEndpoint.WorkloadKind"/> and <see cref="FlowEndpoint.Labels"/> when the address was held by a
    /// known pod at <paramref name="unixNanos"/>; returns false and leaves the endpoint alone otherwise.
    /// </summary>
    bool TryAttribute(IpAddr address, long unixNanos, ref FlowEndpoint endpoint);
}
