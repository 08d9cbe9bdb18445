using AutoShield.Core.Net;

namespace AutoShield.Ingestion.Simulation.Cluster;

/// <summary>A ClusterIP service in front of a workload. Cilium's socket load balancer translates the ClusterIP to a
/// backend pod before the packet reaches the datapath, so flows carry pod addresses and name the service.</summary>
internal sealed class KubeService(string @namespace, string name, IpAddr clusterIp, ushort port)
{
    public string Namespace { get; } = @namespace;

    public string Name { get; } = name;

    public IpAddr ClusterIp { get; } = clusterIp;

    public string ClusterIpText { get; } = clusterIp.ToString();

    public ushort Port { get; } = port;

    public string Fqdn => $"{Name}.{Namespace}.svc.cluster.local.";

    /// <summary>The name a pod in <paramref name="fromNamespace"/> would write in its configuration.</summary>
    public string NameFrom(string fromNamespace) =>
        string.Equals(fromNamespace, Namespace, StringComparison.Ordinal) ? Name : $"{Name}.{Namespace}";

    /// <summary>The authority in an HTTP URL as the client writes it (<c>catalog:8080</c>).</summary>
    public string Authority(string fromNamespace) =>
        Port == 80 ? NameFrom(fromNamespace) : $"{NameFrom(fromNamespace)}:{Port}";
}
