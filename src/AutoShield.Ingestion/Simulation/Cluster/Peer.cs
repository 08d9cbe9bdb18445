using AutoShield.Core.Flows;
using AutoShield.Core.Net;

namespace AutoShield.Ingestion.Simulation.Cluster;

/// <summary>One address that takes part in traffic, with the Cilium identity Hubble reports for it.</summary>
internal sealed class Peer
{
    private static readonly LabelSet WorldLabels = new(["reserved:world"]);
    private static readonly LabelSet HostLabels = new(["reserved:host"]);
    private static readonly LabelSet RemoteNodeLabels = new(["reserved:remote-node"]);
    private static readonly LabelSet HostApiServerLabels = new(["reserved:host", "reserved:kube-apiserver"]);
    private static readonly LabelSet RemoteApiServerLabels = new(["reserved:kube-apiserver", "reserved:remote-node"]);
    private static readonly LabelSet HealthLabels = new(["reserved:health"]);

    private readonly FlowEndpoint _endpoint;
    private readonly FlowEndpoint _remoteView;

    private Peer(PeerKind kind, IpAddr ip, string name, ClusterNode? node, FlowEndpoint endpoint, FlowEndpoint remoteView)
    {
        Kind = kind;
        Ip = ip;
        IpText = ip.ToString();
        Name = name;
        Node = node;
        _endpoint = endpoint;
        _remoteView = remoteView;
    }

    public PeerKind Kind { get; }

    public IpAddr Ip { get; }

    public string IpText { get; }

    /// <summary>Pod name, node name, or the address for world peers.</summary>
    public string Name { get; }

    /// <summary>Where the pod runs, or which node the address belongs to; null for world peers.</summary>
    public ClusterNode? Node { get; }

    public Workload? Workload { get; private init; }

    /// <summary>Cilium endpoint id on its node (pods only).</summary>
    public ushort EndpointId { get; private init; }

    /// <summary>The pod's eth0 address.</summary>
    public string? Mac { get; private init; }

    /// <summary>The host side of the pod's veth pair (lxc...).</summary>
    public string? HostMac { get; private init; }

    public bool IsPod => Kind == PeerKind.Pod;

    /// <summary>A Cilium endpoint on a node (a pod or the health endpoint): where packets are traced as delivered.</summary>
    public bool IsEndpoint => Kind is PeerKind.Pod or PeerKind.Health;

    public string DisplayName => Workload is null ? Name : $"{Workload.Namespace}/{Name}";

    public static Peer Pod(Workload workload, string name, ClusterNode node, IpAddr ip, ushort endpointId, string mac, string hostMac)
    {
        var endpoint = new FlowEndpoint
        {
            Namespace = workload.Namespace,
            PodName = name,
            Workload = workload.Name,
            WorkloadKind = workload.Kind,
            Identity = workload.Identity,
            Labels = workload.Labels,
        };
        return new Peer(PeerKind.Pod, ip, name, node, endpoint, endpoint)
        {
            Workload = workload,
            EndpointId = endpointId,
            Mac = mac,
            HostMac = hostMac,
        };
    }

    public static Peer World(IpAddr ip)
    {
        var endpoint = new FlowEndpoint { Identity = 2, Labels = WorldLabels };
        return new Peer(PeerKind.World, ip, ip.ToString(), null, endpoint, endpoint);
    }

    /// <summary>The cilium-health endpoint of <paramref name="node"/>.</summary>
    public static Peer Health(ClusterNode node, IpAddr ip, ushort endpointId, string mac, string hostMac)
    {
        var endpoint = new FlowEndpoint { Identity = 4, Labels = HealthLabels };
        return new Peer(PeerKind.Health, ip, $"cilium-health ({node.Name})", node, endpoint, endpoint)
        {
            EndpointId = endpointId,
            Mac = mac,
            HostMac = hostMac,
        };
    }

    /// <summary>An address of a node (its InternalIP, or the cilium_host address kubelet probes come from).</summary>
    public static Peer NodeAddress(ClusterNode node, IpAddr ip)
    {
        var local = node.IsControlPlane
            ? new FlowEndpoint { Identity = 1, Labels = HostApiServerLabels }
            : new FlowEndpoint { Identity = 1, Labels = HostLabels };
        var remote = node.IsControlPlane
            ? new FlowEndpoint { Identity = 7, Labels = RemoteApiServerLabels }
            : new FlowEndpoint { Identity = 6, Labels = RemoteNodeLabels };
        return new Peer(PeerKind.Node, ip, node.Name, node, local, remote);
    }

    /// <summary>How Cilium on <paramref name="observer"/> identifies this peer: a node is "host" only to itself.</summary>
    public FlowEndpoint ViewFrom(ClusterNode observer) =>
        Kind == PeerKind.Node && !ReferenceEquals(observer, Node) ? _remoteView : _endpoint;

    /// <summary>The endpoint id Hubble reports: set only for an endpoint seen on its own node.</summary>
    public ushort LocalEndpointId(ClusterNode observer) => IsEndpoint && ReferenceEquals(observer, Node) ? EndpointId : (ushort)0;

    public override string ToString() => DisplayName;
}
