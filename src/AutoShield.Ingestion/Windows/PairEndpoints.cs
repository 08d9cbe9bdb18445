using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Windows;

/// <summary>The newest connection's two endpoints as the source reported them, kept per pair for explanations.</summary>
internal struct PairEndpoints
{
    public FlowEndpoint Source;
    public FlowEndpoint Destination;

    /// <summary>Copies the endpoints only when they changed: they rarely do within a pair, and every reference stored costs a GC write barrier.</summary>
    public void Refresh(in FlowEndpoint source, in FlowEndpoint destination)
    {
        if (!Same(Source, source))
        {
            Source = source;
        }

        if (!Same(Destination, destination))
        {
            Destination = destination;
        }
    }

    private static bool Same(in FlowEndpoint a, in FlowEndpoint b) =>
        a.Identity == b.Identity
        && ReferenceEquals(a.PodName, b.PodName)
        && ReferenceEquals(a.Namespace, b.Namespace)
        && ReferenceEquals(a.Workload, b.Workload)
        && ReferenceEquals(a.WorkloadKind, b.WorkloadKind)
        && ReferenceEquals(a.ServiceName, b.ServiceName)
        && ReferenceEquals(a.Labels, b.Labels);
}
