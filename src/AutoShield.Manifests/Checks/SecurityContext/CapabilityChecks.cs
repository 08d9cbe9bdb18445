using AutoShield.Manifests.Model;
using AutoShield.Manifests.PodSecurity;

namespace AutoShield.Manifests.Checks.SecurityContext;

/// <summary>Linux capabilities: dropped, added, dangerous, NET_RAW. Names are compared as runtimes read them (CAP_ prefix optional).</summary>
internal static class CapabilityChecks
{
    /// <summary>Capabilities that amount to host or cluster compromise when added.</summary>
    private static readonly HashSet<string> Dangerous = new(StringComparer.Ordinal)
    {
        "ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO", "SYS_BOOT", "BPF", "PERFMON",
        "DAC_READ_SEARCH", "MAC_ADMIN", "MAC_OVERRIDE", "SYSLOG", "SYS_TIME",
    };

    public static readonly ICheck NotDropped = new ContainerCheck(
        new CheckDefinition
        {
            Id = "capabilities-not-dropped",
            Title = "Capabilities not dropped",
            Severity = Severity.Low,
            Category = "security-context",
            Kinds = CheckKinds.Workloads,
            Url = Links.SecurityContext,
            Description = "The container keeps the runtime's default capabilities because it does not drop ALL.",
            Remediation = "Set securityContext.capabilities.drop: [ALL] and add back only what is needed (usually nothing, or NET_BIND_SERVICE).",
            Equivalents = new()
            {
                Kubesec = "CapDropAll, CapDropAny",
                Polaris = "insecureCapabilities",
                Checkov = "CKV_K8S_37",
                Trivy = "KSV-0003, KSV-0004",
                Kubescape = "C-0211",
                Pss = "restricted/capabilities_restricted",
            },
        },
        (c, sink) =>
        {
            if (c.Effective.FindDropped("ALL") is null)
            {
                sink.Report(c, c.Effective.CapabilitiesDrop, $"{c.Label} does not drop ALL capabilities");
            }
        },
        linuxOnly: true);

    public static readonly ICheck Added = new ContainerCheck(
        new CheckDefinition
        {
            Id = "capabilities-added",
            Title = "Capabilities added beyond the default set",
            Severity = Severity.Medium,
            Category = "security-context",
            Kinds = CheckKinds.Workloads,
            Url = Links.PodSecurityStandards,
            Description = "The container adds a capability outside the runtime's default set (which baseline allows).",
            Remediation = "Remove the capability from capabilities.add, or justify it with an ignore annotation.",
            Equivalents = new() { Checkov = "CKV_K8S_25", Trivy = "KSV-0022", Kubescape = "C-0046", KubescapeRule = "insecure-capabilities", Pss = "baseline/capabilities_baseline" },
        },
        (c, sink) =>
        {
            foreach (var item in c.Effective.CapabilitiesAdd?.Items ?? [])
            {
                var name = EffectiveSecurityContext.NormaliseCapability(item.AsString() ?? "");
                if (!PssRules.BaselineCapabilities.Contains(name) && !Dangerous.Contains(name))
                {
                    sink.Report(c, item, $"{c.Label} adds capability {name}");
                }
            }
        },
        linuxOnly: true);

    public static readonly ICheck DangerousAdded = new ContainerCheck(
        new CheckDefinition
        {
            Id = "dangerous-capabilities",
            Title = "Dangerous capability added",
            Severity = Severity.High,
            Category = "security-context",
            Kinds = CheckKinds.Workloads,
            Url = Links.SecurityContext,
            Description = "The container adds a capability that gives host-level power (ALL, SYS_ADMIN, NET_ADMIN, SYS_MODULE, SYS_PTRACE, BPF, ...).",
            Remediation = "Remove the capability; if a node agent truly needs it, run it in a dedicated, isolated namespace.",
            Equivalents = new()
            {
                Kubesec = "CapSysAdmin",
                Polaris = "dangerousCapabilities",
                Checkov = "CKV_K8S_39",
                Trivy = "KSV-0005, KSV-0120",
                Kubescape = "C-0046",
                KubescapeRule = "insecure-capabilities",
                Pss = "baseline/capabilities_baseline",
            },
        },
        (c, sink) =>
        {
            foreach (var item in c.Effective.CapabilitiesAdd?.Items ?? [])
            {
                var name = EffectiveSecurityContext.NormaliseCapability(item.AsString() ?? "");
                if (Dangerous.Contains(name))
                {
                    sink.Report(c, item, $"{c.Label} adds capability {name}");
                }
            }
        },
        linuxOnly: true);

    public static readonly ICheck NetRaw = new ContainerCheck(
        new CheckDefinition
        {
            Id = "net-raw-capability",
            Title = "NET_RAW not dropped",
            Severity = Severity.Medium,
            Category = "security-context",
            Kinds = CheckKinds.Workloads,
            Url = Links.SecurityContext,
            Description = "NET_RAW (in the default set of most runtimes) allows raw sockets: ARP and DNS spoofing inside the pod network.",
            Remediation = "Drop ALL (or at least NET_RAW) in securityContext.capabilities.drop, and do not add it back.",
            Equivalents = new() { KubeLinter = "drop-net-raw-capability", Polaris = "insecureCapabilities", Checkov = "CKV_K8S_28", Trivy = "KSV-0119", Kubescape = "C-0211" },
        },
        (c, sink) =>
        {
            var e = c.Effective;
            if (e.FindAdded("NET_RAW") is { } added)
            {
                sink.Report(c, added, $"{c.Label} adds NET_RAW");
            }
            else if (!e.Drops("NET_RAW"))
            {
                sink.Report(c, e.CapabilitiesDrop, $"{c.Label} does not drop NET_RAW");
            }
        },
        linuxOnly: true);

    public static IEnumerable<ICheck> All() => [NotDropped, Added, DangerousAdded, NetRaw];
}
