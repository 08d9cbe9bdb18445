namespace AutoShield.Ingestion.Simulation.Traffic;

/// <summary>Where Cilium's L7 proxy sits on a connection, which decides where L7 events and TO_PROXY traces appear.</summary>
internal enum L7Mode
{
    None,
    /// <summary>Egress visibility on the client (DNS proxy, Prometheus): events on the client's node, EGRESS.</summary>
    ClientEgress,
    /// <summary>An HTTP rule in the server's ingress policy: events on the server's node, INGRESS.</summary>
    ServerIngress,
}
