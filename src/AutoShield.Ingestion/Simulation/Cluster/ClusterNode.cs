using AutoShield.Core.Net;

namespace AutoShield.Ingestion.Simulation.Cluster;

/// <summary>A Kubernetes node: its name, internal address, and the pod CIDR (10.244.Index.0/24) Cilium gave it.</summary>
internal sealed class ClusterNode(string name, int index, IpAddr internalIp, bool isControlPlane)
{
    public string Name { get; } = name;

    public int Index { get; } = index;

    /// <summary>The node's InternalIP (kubelet, the API server on the control plane).</summary>
    public IpAddr InternalIp { get; } = internalIp;

    public bool IsControlPlane { get; } = isControlPlane;

    public IpAddr PodAddress(int host) => IpAddr.FromV4(10, 244, (byte)Index, (byte)host);

    public override string ToString() => Name;
}
