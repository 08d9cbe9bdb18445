namespace AutoShield.Manifests.Checks.Host;

/// <summary>hostNetwork, hostPID, hostIPC, hostPort and hostAliases.</summary>
internal static class HostNamespaceChecks
{
    public static readonly ICheck HostNetwork = Namespace("hostNetwork", "host-network", "network",
        "The pod shares the node's network namespace: it sees all node traffic and can reach node-local services.",
        new() { KubeLinter = "host-network", Kubesec = "HostNetwork", Polaris = "hostNetworkSet", Checkov = "CKV_K8S_19", Trivy = "KSV-0009", Kubescape = "C-0041", KubescapeRule = "host-network-access", Pss = "baseline/hostNamespaces" });

    public static readonly ICheck HostPid = Namespace("hostPID", "host-pid", "process",
        "The pod shares the node's PID namespace: it sees and can signal every process on the node.",
        new() { KubeLinter = "host-pid", Kubesec = "HostPID", Polaris = "hostPIDSet", Checkov = "CKV_K8S_17", Trivy = "KSV-0010", Kubescape = "C-0038", KubescapeRule = "host-pid-ipc-privileges", Pss = "baseline/hostNamespaces" });

    public static readonly ICheck HostIpc = Namespace("hostIPC", "host-ipc", "IPC",
        "The pod shares the node's IPC namespace: shared memory of other processes on the node is reachable.",
        new() { KubeLinter = "host-ipc", Kubesec = "HostIPC", Polaris = "hostIPCSet", Checkov = "CKV_K8S_18", Trivy = "KSV-0008", Kubescape = "C-0038", KubescapeRule = "host-pid-ipc-privileges", Pss = "baseline/hostNamespaces" });

    public static readonly ICheck HostPort = new ContainerCheck(
        new CheckDefinition
        {
            Id = "host-port",
            Title = "Container binds a host port",
            Severity = Severity.Medium,
            Category = "host",
            Kinds = CheckKinds.Workloads,
            Url = Links.PodSecurityStandards,
            Description = "hostPort exposes the container on the node's address, bypassing Services and most NetworkPolicy setups.",
            Remediation = "Remove hostPort; expose the port through a Service.",
            Equivalents = new() { Polaris = "hostPortSet", Checkov = "CKV_K8S_26", Trivy = "KSV-0024", Kubescape = "C-0044", KubescapeRule = "container-hostPort", Pss = "baseline/hostPorts" },
        },
        (c, sink) =>
        {
            foreach (var port in c.Ports?.Items ?? [])
            {
                if (port.Get("hostPort") is { } hp && hp.AsLong() is { } value && value != 0)
                {
                    sink.Report(c, hp, $"{c.Label} binds host port {value}");
                }
            }
        });

    public static readonly ICheck HostAliases = new PodCheck(
        new CheckDefinition
        {
            Id = "host-aliases",
            Title = "hostAliases rewrite /etc/hosts",
            Severity = Severity.Low,
            Category = "host",
            Kinds = CheckKinds.Workloads,
            Url = "https://kubernetes.io/docs/tasks/network/customize-hosts-file-for-pods/",
            Description = "hostAliases override name resolution inside the pod, which can redirect traffic without DNS showing it.",
            Remediation = "Use DNS (a Service or ExternalName) instead of hostAliases.",
            Equivalents = new() { Kubesec = "HostAliases", Trivy = "KSV-0007" },
        },
        (pod, sink) =>
        {
            if (pod.Spec.Get("hostAliases") is { Count: > 0 } aliases)
            {
                sink.Report(pod.Object, aliases, "pod sets hostAliases");
            }
        });

    public static IEnumerable<ICheck> All() => [HostNetwork, HostPid, HostIpc, HostPort, HostAliases];

    private static PodCheck Namespace(string field, string id, string what, string description, CheckEquivalents equivalents) => new(
        new CheckDefinition
        {
            Id = id,
            Title = $"Shares the host's {what} namespace",
            Severity = Severity.High,
            Category = "host",
            Kinds = CheckKinds.Workloads,
            Url = Links.PodSecurityStandards,
            Description = description,
            Remediation = $"Remove {field} or set it to false.",
            Equivalents = equivalents,
        },
        (pod, sink) =>
        {
            if (pod.Spec.Get(field) is { } node && node.AsBool() == true)
            {
                sink.Report(pod.Object, node, $"pod sets {field}: true");
            }
        });
}
