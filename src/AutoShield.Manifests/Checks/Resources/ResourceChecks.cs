namespace AutoShield.Manifests.Checks.Resources;

/// <summary>CPU, memory and ephemeral-storage requests and limits. A quantity of 0 counts as unset.</summary>
internal static class ResourceChecks
{
    public static readonly ICheck CpuRequest = Missing("cpu-request-missing", "requests", "cpu", Severity.Low, true,
        "Without a CPU request the scheduler places the pod blind and it gets the smallest share under contention.",
        new() { KubeLinter = "unset-cpu-requirements", Kubesec = "RequestsCPU", Polaris = "cpuRequestsMissing", KubeScore = "container-resources", Checkov = "CKV_K8S_10", Trivy = "KSV-0015", Kubescape = "C-0268" });

    public static readonly ICheck CpuLimit = Missing("cpu-limit-missing", "limits", "cpu", Severity.Low, true,
        "Without a CPU limit one container can take every spare core of its node.",
        new() { KubeLinter = "unset-cpu-requirements", Kubesec = "LimitsCPU", Polaris = "cpuLimitsMissing", KubeScore = "container-resources", Checkov = "CKV_K8S_11", Trivy = "KSV-0011", Kubescape = "C-0270, C-0050", KubescapeRule = "resources-cpu-limit-and-request" });

    public static readonly ICheck MemoryRequest = Missing("memory-request-missing", "requests", "memory", Severity.Low, true,
        "Without a memory request the pod is first to be evicted and may land on a node without room.",
        new() { KubeLinter = "unset-memory-requirements", Kubesec = "RequestsMemory", Polaris = "memoryRequestsMissing", KubeScore = "container-resources", Checkov = "CKV_K8S_12", Trivy = "KSV-0016", Kubescape = "C-0269" });

    public static readonly ICheck MemoryLimit = Missing("memory-limit-missing", "limits", "memory", Severity.Medium, true,
        "Without a memory limit one container can exhaust its node's memory and get other pods OOM-killed (a denial of service).",
        new() { KubeLinter = "unset-memory-requirements", Kubesec = "LimitsMemory", Polaris = "memoryLimitsMissing", KubeScore = "container-resources", Checkov = "CKV_K8S_13", Trivy = "KSV-0018", Kubescape = "C-0271, C-0004", KubescapeRule = "resources-memory-limit-and-request" });

    public static readonly ICheck EphemeralStorage = new ContainerCheck(
        new CheckDefinition
        {
            Id = "ephemeral-storage-missing",
            Title = "No ephemeral-storage request and limit",
            Severity = Severity.Low,
            Category = "resources",
            Kinds = CheckKinds.Workloads,
            Url = Links.Resources,
            EnabledByDefault = false,
            Description = "Without an ephemeral-storage limit a container can fill the node's disk with logs and scratch files.",
            Remediation = "Set resources.requests and resources.limits for ephemeral-storage.",
            Equivalents = new() { KubeScore = "container-ephemeral-storage-request-and-limit" },
        },
        (c, sink) =>
        {
            if (!IsSet(c.Resources, "requests", "ephemeral-storage") || !IsSet(c.Resources, "limits", "ephemeral-storage"))
            {
                sink.Report(c, c.Resources, $"{c.Label} has no ephemeral-storage request and limit");
            }
        },
        ContainerScope.InitAndRegular);

    public static IEnumerable<ICheck> All() => [CpuRequest, CpuLimit, MemoryRequest, MemoryLimit, EphemeralStorage];

    private static bool IsSet(Yaml.ManifestNode? resources, string section, string resource)
    {
        var value = resources?.Get(section)?.Get(resource)?.AsString();
        return !string.IsNullOrWhiteSpace(value) && value.Trim() != "0";
    }

    private static ContainerCheck Missing(string id, string section, string resource, Severity severity, bool enabled, string description, CheckEquivalents equivalents) => new(
        new CheckDefinition
        {
            Id = id,
            Title = $"No {resource} {section[..^1]}",
            Severity = severity,
            Category = "resources",
            Kinds = CheckKinds.Workloads,
            Url = Links.Resources,
            EnabledByDefault = enabled,
            Description = description,
            Remediation = $"Set resources.{section}.{resource} on the container.",
            Equivalents = equivalents,
        },
        (c, sink) =>
        {
            if (!IsSet(c.Resources, section, resource))
            {
                sink.Report(c, c.Resources, $"{c.Label} has no {resource} {section[..^1]}");
            }
        },
        ContainerScope.InitAndRegular);
}
