namespace AutoShield.Ingestion.Simulation.Cluster;

/// <summary>One allow rule of an ingress NetworkPolicy: who may connect, to which port (0 = any).</summary>
/// <param name="FromNamespace">Source namespace; null with <paramref name="FromWorld"/> set.</param>
/// <param name="FromWorkload">Source workload in that namespace; null for any.</param>
internal sealed record PolicyRule(string? FromNamespace, string? FromWorkload, ushort Port, bool FromWorld = false)
{
    public bool Allows(Peer source, ushort port)
    {
        if (Port != 0 && Port != port)
        {
            return false;
        }

        if (FromWorld)
        {
            return source.Kind == PeerKind.World;
        }

        return source.Workload is { } workload
            && string.Equals(workload.Namespace, FromNamespace, StringComparison.Ordinal)
            && (FromWorkload is null || string.Equals(workload.Name, FromWorkload, StringComparison.Ordinal));
    }
}
