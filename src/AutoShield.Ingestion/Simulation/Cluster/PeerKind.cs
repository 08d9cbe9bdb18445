namespace AutoShield.Ingestion.Simulation.Cluster;

/// <summary>What sits behind an address the simulator sends packets to or from.</summary>
internal enum PeerKind
{
    /// <summary>A pod: a Cilium endpoint with a workload identity (256 and up).</summary>
    Pod,
    /// <summary>An address outside the cluster: identity 2, <c>reserved:world</c>.</summary>
    World,
    /// <summary>A node address: <c>reserved:host</c> (1) on its own node, <c>reserved:remote-node</c> (6) elsewhere.</summary>
    Node,
    /// <summary>A node's cilium-health endpoint: identity 4, <c>reserved:health</c>, probed by every node.</summary>
    Health,
}
