using AutoShield.Core.Flows;
using AutoShield.Core.Net;

namespace AutoShield.Ingestion.Simulation.Cluster;

/// <summary>
/// Builds the seeded cluster: a control plane and two or three workers, the shop, payments, data, monitoring,
/// batch and system workloads with their replicas, pods, identities, services and ingress policies. The seed
/// varies replica counts, placement, addresses, identities and names; the architecture stays the same.
/// </summary>
internal static class ClusterBuilder
{
    private static readonly ushort[] Http8080 = [8080];

    public static ClusterModel Build(int seed)
    {
        var random = SeedMixer.Random(seed, "cluster");
        var workers = random.Next(2, 4);
        var nodes = new List<ClusterNode> { new("control-plane", 0, IpAddr.FromV4(172, 18, 0, 2), true) };
        for (var i = 1; i <= workers; i++)
        {
            nodes.Add(new ClusterNode($"worker-{i}", i, IpAddr.FromV4(172, 18, 0, (byte)(2 + i)), false));
        }

        var cluster = new ClusterModel(nodes);
        foreach (var node in nodes)
        {
            cluster.HostAddresses.Add(Peer.NodeAddress(node, cluster.AllocateAddress(node, random)));
            cluster.AddHealthEndpoint(node, random);
        }

        var builder = new Builder(cluster, random);
        builder.AddWorkloads();
        return cluster;
    }

    private sealed class Builder(ClusterModel cluster, Random random)
    {
        private readonly HashSet<uint> _identities = [];
        private readonly HashSet<IpAddr> _clusterIps = [IpAddr.FromV4(10, 96, 0, 1), IpAddr.FromV4(10, 96, 0, 10)];

        public void AddWorkloads()
        {
            var coredns = Add("kube-system", "coredns", "Deployment", 2, ["k8s:k8s-app=kube-dns"], "coredns",
                port: 53, open: [53, 8080, 8181, 9153], metrics: 9153, probe: "/health", probePort: 8080, udp: 53,
                anyNode: true);
            Service(coredns, "kube-dns", 53, IpAddr.FromV4(10, 96, 0, 10));

            var ingress = Add("ingress-nginx", "ingress-nginx-controller", "Deployment", 2,
                ["k8s:app.kubernetes.io/component=controller", "k8s:app.kubernetes.io/instance=ingress-nginx", "k8s:app.kubernetes.io/name=ingress-nginx"],
                "ingress-nginx", port: 80, open: [80, 443, 8443, 10254], metrics: 10254, probe: "/healthz", probePort: 10254, l7: true);
            Service(ingress, "ingress-nginx-controller", 80);

            foreach (var (name, replicas) in new[] { ("frontend", random.Next(2, 5)), ("catalog", random.Next(2, 4)), ("cart", 2), ("checkout", 2) })
            {
                var app = Add("shop", name, "Deployment", replicas, [$"k8s:app={name}", $"k8s:version=v{random.Next(1, 4)}"], name,
                    port: 8080, open: Http8080, metrics: 8080, probe: "/healthz", probePort: 8080, l7: true);
                Service(app, name, 8080);
            }

            var redis = Add("shop", "redis", "StatefulSet", 1, ["k8s:app=redis", "k8s:role=cache"], "redis",
                port: 6379, open: [6379, 9121], metrics: 9121);
            Service(redis, "redis", 6379);

            var payments = Add("payments", "payments-api", "Deployment", 2, ["k8s:app=payments-api"], "payments-api",
                port: 8080, open: Http8080, metrics: 8080, probe: "/healthz", probePort: 8080, l7: true,
                policy: [new("shop", "checkout", 8080), new("monitoring", "prometheus", 8080)]);
            Service(payments, "payments-api", 8080);
            var ledger = Add("payments", "ledger", "Deployment", 2, ["k8s:app=ledger"], "ledger",
                port: 8080, open: Http8080, metrics: 8080, probe: "/healthz", probePort: 8080, l7: true,
                policy: [new("payments", "payments-api", 8080), new("monitoring", "prometheus", 8080)]);
            Service(ledger, "ledger", 8080);

            var postgres = Add("data", "postgres", "StatefulSet", 1, ["k8s:app=postgres", "k8s:role=primary"], "postgres",
                port: 5432, open: [5432, 9187], metrics: 9187,
                policy:
                [
                    new("shop", "catalog", 5432), new("shop", "checkout", 5432), new("payments", "ledger", 5432),
                    new("data", "reporting", 5432), new("batch", "report-sync", 5432), new("monitoring", "prometheus", 9187),
                ]);
            Service(postgres, "postgres", 5432);
            var reporting = Add("data", "reporting", "Deployment", 1, ["k8s:app=reporting"], "reporting",
                port: 8080, open: Http8080, metrics: 8080, probe: "/healthz", probePort: 8080,
                policy: [new("monitoring", null, 8080)]);
            Service(reporting, "reporting", 8080);
            var sftp = Add("data", "sftp-gateway", "Deployment", 1, ["k8s:app=sftp-gateway"], "sftp-gateway",
                port: 22, open: [22], policy: [new(null, null, 22, FromWorld: true)]);
            Service(sftp, "sftp-gateway", 22);

            var prometheus = Add("monitoring", "prometheus", "StatefulSet", 1, ["k8s:app.kubernetes.io/name=prometheus"], "prometheus",
                port: 9090, open: [9090], metrics: 9090, probe: "/-/healthy", probePort: 9090);
            Service(prometheus, "prometheus", 9090);
            var grafana = Add("monitoring", "grafana", "Deployment", 1, ["k8s:app.kubernetes.io/name=grafana"], "grafana",
                port: 3000, open: [3000], metrics: 3000, probe: "/api/health", probePort: 3000);
            Service(grafana, "grafana", 3000);

            Add("batch", "report-sync", "CronJob", 0, ["k8s:app=report-sync"], "report-sync");

            var autoshield = Add("autoshield-system", "autoshield", "Deployment", 1, ["k8s:app.kubernetes.io/name=autoshield"], "autoshield",
                port: 8000, open: [8000, 8081, 9090], metrics: 9090, probe: "/healthz", probePort: 8000);
            Service(autoshield, "autoshield", 8000);

            cluster.KubernetesService = new KubeService("default", "kubernetes", IpAddr.FromV4(10, 96, 0, 1), 443);
        }

        private Workload Add(
            string ns, string name, string kind, int replicas, string[] appLabels, string serviceAccount,
            ushort port = 0, IReadOnlyList<ushort>? open = null, ushort metrics = 0, string? probe = null, ushort probePort = 0,
            ushort udp = 0, bool l7 = false, IReadOnlyList<PolicyRule>? policy = null, bool anyNode = false)
        {
            string[] standard =
            [
                $"k8s:io.cilium.k8s.namespace.labels.kubernetes.io/metadata.name={ns}",
                "k8s:io.cilium.k8s.policy.cluster=default",
                $"k8s:io.cilium.k8s.policy.serviceaccount={serviceAccount}",
                $"k8s:io.kubernetes.pod.namespace={ns}",
            ];
            var labels = appLabels.Concat(standard).Order(StringComparer.Ordinal).ToArray();
            uint identity;
            do
            {
                // Cilium's CRD identity allocation picks from the cluster-local range at random.
                identity = (uint)random.Next(256, 65536);
            }
            while (!_identities.Add(identity));

            var workload = new Workload
            {
                Namespace = ns,
                Name = name,
                Kind = kind,
                Labels = new LabelSet(labels),
                Identity = identity,
                Port = port,
                OpenPorts = open ?? (port == 0 ? [] : [port]),
                UdpPort = udp,
                MetricsPort = metrics,
                ProbePath = probe,
                ProbePort = probePort == 0 ? port : probePort,
                L7Ingress = l7,
                Policy = policy,
            };
            cluster.Add(workload);

            var nodes = anyNode ? cluster.Nodes : cluster.Workers;
            var first = random.Next(nodes.Count);
            var hash = PodNames.TemplateHash(random);
            for (var i = 0; i < replicas; i++)
            {
                var podName = kind == "StatefulSet" ? $"{name}-{i}" : PodNames.ForDeployment(name, hash, random);
                cluster.CreatePod(workload, podName, nodes[(first + i) % nodes.Count], random);
            }

            return workload;
        }

        private void Service(Workload workload, string name, ushort port, IpAddr? clusterIp = null)
        {
            var ip = clusterIp ?? NewClusterIp();
            var service = new KubeService(workload.Namespace, name, ip, port);
            workload.Service = service;
            cluster.Services.Add(service);
        }

        private IpAddr NewClusterIp()
        {
            IpAddr ip;
            do
            {
                ip = IpAddr.FromV4(10, 96, (byte)random.Next(0, 256), (byte)random.Next(1, 255));
            }
            while (!_clusterIps.Add(ip));

            return ip;
        }
    }
}
