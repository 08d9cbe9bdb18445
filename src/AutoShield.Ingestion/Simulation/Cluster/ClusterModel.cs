using AutoShield.Core.Net;

namespace AutoShield.Ingestion.Simulation.Cluster;

/// <summary>The simulated cluster: nodes, workloads and their pods, services, and the API server.</summary>
internal sealed class ClusterModel
{
    private readonly Dictionary<string, Workload> _byName = new(StringComparer.Ordinal);
    private readonly HashSet<IpAddr> _usedAddresses = [];
    private readonly HashSet<(int Node, ushort Id)> _usedEndpointIds = [];

    public ClusterModel(IReadOnlyList<ClusterNode> nodes)
    {
        Nodes = nodes;
        Workers = nodes.Where(n => !n.IsControlPlane).ToList();
        NodeAddresses = nodes.Select(n => Peer.NodeAddress(n, n.InternalIp)).ToList();
        ApiServer = NodeAddresses.First(p => p.Node!.IsControlPlane);
    }

    public IReadOnlyList<ClusterNode> Nodes { get; }

    public IReadOnlyList<ClusterNode> Workers { get; }

    public List<Workload> Workloads { get; } = [];

    public List<KubeService> Services { get; } = [];

    /// <summary>Each node's InternalIP, in node order.</summary>
    public IReadOnlyList<Peer> NodeAddresses { get; }

    /// <summary>Each node's cilium_host address (kubelet probes leave from it), in node order.</summary>
    public List<Peer> HostAddresses { get; } = [];

    /// <summary>Each node's cilium-health endpoint, in node order.</summary>
    public List<Peer> HealthEndpoints { get; } = [];

    /// <summary>kube-apiserver: the control plane's InternalIP, port 6443, behind default/kubernetes.</summary>
    public Peer ApiServer { get; }

    public const ushort ApiServerPort = 6443;

    public KubeService? KubernetesService { get; set; }

    /// <summary>All pods that exist from the start, in a stable order.</summary>
    public IEnumerable<Peer> Pods => Workloads.SelectMany(w => w.Pods);

    public Workload Get(string @namespace, string name) => _byName[$"{@namespace}/{name}"];

    public void Add(Workload workload)
    {
        Workloads.Add(workload);
        _byName.Add($"{workload.Namespace}/{workload.Name}", workload);
    }

    /// <summary>Creates a pod on <paramref name="node"/> with a fresh address, endpoint id and MACs.</summary>
    public Peer CreatePod(Workload workload, string name, ClusterNode node, Random random, bool register = true)
    {
        var pod = Peer.Pod(workload, name, node, AllocateAddress(node, random), AllocateEndpointId(node, random), Mac(random), Mac(random));
        if (register)
        {
            workload.Pods.Add(pod);
        }

        return pod;
    }

    /// <summary>Creates the node's cilium-health endpoint.</summary>
    public void AddHealthEndpoint(ClusterNode node, Random random) =>
        HealthEndpoints.Add(Peer.Health(node, AllocateAddress(node, random), AllocateEndpointId(node, random), Mac(random), Mac(random)));

    private ushort AllocateEndpointId(ClusterNode node, Random random)
    {
        ushort id;
        do
        {
            id = (ushort)random.Next(1, 4096);
        }
        while (!_usedEndpointIds.Add((node.Index, id)));

        return id;
    }

    /// <summary>Returns a finished pod's address and endpoint id to the node (CronJob pods come and go).</summary>
    public void ReleasePod(Peer pod)
    {
        _usedAddresses.Remove(pod.Ip);
        _usedEndpointIds.Remove((pod.Node!.Index, pod.EndpointId));
    }

    public IpAddr AllocateAddress(ClusterNode node, Random random)
    {
        IpAddr ip;
        do
        {
            ip = node.PodAddress(random.Next(1, 255));
        }
        while (!_usedAddresses.Add(ip));

        return ip;
    }

    public Peer NodeAddress(ClusterNode node) => NodeAddresses[node.Index];

    public Peer HostAddress(ClusterNode node) => HostAddresses[node.Index];

    /// <summary>A locally administered unicast MAC, as veth pairs get.</summary>
    private static string Mac(Random random)
    {
        Span<byte> bytes = stackalloc byte[6];
        random.NextBytes(bytes);
        bytes[0] = (byte)((bytes[0] & 0xFC) | 0x02);
        return string.Create(17, bytes.ToArray(), static (span, b) =>
        {
            const string Hex = "0123456789abcdef";
            for (var i = 0; i < 6; i++)
            {
                span[i * 3] = Hex[b[i] >> 4];
                span[(i * 3) + 1] = Hex[b[i] & 0xF];
                if (i < 5)
                {
                    span[(i * 3) + 2] = ':';
                }
            }
        });
    }
}
