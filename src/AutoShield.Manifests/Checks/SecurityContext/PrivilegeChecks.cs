using AutoShield.Manifests.Model;

namespace AutoShield.Manifests.Checks.SecurityContext;

/// <summary>Privileged mode, privilege escalation and the user a container runs as (effective settings).</summary>
internal static class PrivilegeChecks
{
    public static readonly ICheck Privileged = new ContainerCheck(
        new CheckDefinition
        {
            Id = "privileged-container",
            Title = "Privileged container",
            Severity = Severity.Critical,
            Category = "security-context",
            Kinds = CheckKinds.Workloads,
            Url = Links.SecurityContext,
            Description = "A privileged container has every capability and all host devices: it is root on the node.",
            Remediation = "Remove securityContext.privileged or set it to false; grant the one capability the container needs instead.",
            Equivalents = new()
            {
                KubeLinter = "privileged-container",
                Kubesec = "Privileged",
                Polaris = "runAsPrivileged",
                KubeScore = "container-security-context-privileged",
                Checkov = "CKV_K8S_16",
                Trivy = "KSV-0017",
                Kubescape = "C-0057",
                KubescapeRule = "rule-privilege-escalation",
                Pss = "baseline/privileged",
            },
        },
        (c, sink) =>
        {
            if (c.Effective.Privileged is { Value: true } p)
            {
                sink.Report(c, p.Node, $"{c.Label} runs privileged");
            }
        });

    public static readonly ICheck PrivilegeEscalation = new ContainerCheck(
        new CheckDefinition
        {
            Id = "privilege-escalation-allowed",
            Title = "Privilege escalation allowed",
            Severity = Severity.Medium,
            Category = "security-context",
            Kinds = CheckKinds.Workloads,
            Url = Links.SecurityContext,
            Description = "Unless allowPrivilegeEscalation is false, a process can gain more privileges than its parent (setuid binaries, file capabilities).",
            Remediation = "Set securityContext.allowPrivilegeEscalation: false on every container.",
            Equivalents = new()
            {
                KubeLinter = "privilege-escalation-container",
                Kubesec = "AllowPrivilegeEscalation",
                Polaris = "privilegeEscalationAllowed",
                Checkov = "CKV_K8S_20",
                Trivy = "KSV-0001",
                Kubescape = "C-0016",
                KubescapeRule = "rule-allow-privilege-escalation",
                Pss = "restricted/allowPrivilegeEscalation",
            },
        },
        (c, sink) =>
        {
            var ape = c.Effective.AllowPrivilegeEscalation;
            if (ape is not { Value: false })
            {
                sink.Report(c, ape?.Node, ape is null
                    ? $"{c.Label} does not set allowPrivilegeEscalation: false (it defaults to true)"
                    : $"{c.Label} sets allowPrivilegeEscalation: true");
            }
        },
        linuxOnly: true);

    public static readonly ICheck RunAsRoot = new ContainerCheck(
        new CheckDefinition
        {
            Id = "run-as-root",
            Title = "May run as root",
            Severity = Severity.Medium,
            Category = "security-context",
            Kinds = CheckKinds.Workloads,
            Url = Links.SecurityContext,
            Description = "Neither runAsNonRoot: true nor a non-zero runAsUser applies to the container (own or pod-level), so it runs as whatever user the image says, often root.",
            Remediation = "Set runAsNonRoot: true and a runAsUser above 10000 in the pod securityContext (containers inherit it).",
            Equivalents = new()
            {
                KubeLinter = "run-as-non-root",
                Kubesec = "RunAsNonRoot",
                Polaris = "runAsRootAllowed",
                KubeScore = "container-security-context-user-group-id",
                Checkov = "CKV_K8S_23",
                Trivy = "KSV-0012",
                Kubescape = "C-0013",
                KubescapeRule = "non-root-containers",
                Pss = "restricted/runAsNonRoot",
            },
        },
        (c, sink) =>
        {
            var e = c.Effective;
            if (!e.SurelyNonRoot && e.RunAsUser is not { Value: 0 })
            {
                sink.Report(c, e.RunAsNonRoot?.Node, e.RunAsNonRoot is { Value: false }
                    ? $"{c.Label} sets runAsNonRoot: false and no non-zero runAsUser"
                    : $"{c.Label} may run as root: no runAsNonRoot: true or non-zero runAsUser, on it or the pod");
            }
        },
        linuxOnly: true);

    public static readonly ICheck RunAsUidZero = new ContainerCheck(
        new CheckDefinition
        {
            Id = "run-as-uid-zero",
            Title = "Runs as UID 0",
            Severity = Severity.High,
            Category = "security-context",
            Kinds = CheckKinds.Workloads,
            Url = Links.SecurityContext,
            Description = "The effective runAsUser is 0: the container runs as root by explicit choice.",
            Remediation = "Set runAsUser to a non-zero UID (above 10000) and runAsNonRoot: true.",
            Equivalents = new() { KubeLinter = "run-as-non-root", Trivy = "KSV-0105", Kubescape = "C-0013", KubescapeRule = "non-root-containers", Pss = "restricted/runAsUser" },
        },
        (c, sink) =>
        {
            if (c.Effective.RunAsUser is { Value: 0 } u)
            {
                sink.Report(c, u.Node, $"{c.Label} runs as UID 0 (set at {(u.Level == SettingLevel.Pod ? "pod" : "container")} level)");
            }
        },
        linuxOnly: true);

    public static readonly ICheck RunAsGroupZero = new ContainerCheck(
        new CheckDefinition
        {
            Id = "run-as-group-zero",
            Title = "Runs with GID 0",
            Severity = Severity.Low,
            Category = "security-context",
            Kinds = CheckKinds.Workloads,
            Url = Links.SecurityContext,
            Description = "The effective runAsGroup is 0: files owned by the root group are writable to the container.",
            Remediation = "Set runAsGroup to a non-zero GID (above 10000).",
            Equivalents = new() { KubeLinter = "run-as-non-root", KubeScore = "container-security-context-user-group-id", Trivy = "KSV-0116" },
        },
        (c, sink) =>
        {
            if (c.Effective.RunAsGroup is { Value: 0 } g)
            {
                sink.Report(c, g.Node, $"{c.Label} runs with GID 0");
            }
        },
        linuxOnly: true);

    public static readonly ICheck LowUserId = new ContainerCheck(
        new CheckDefinition
        {
            Id = "low-user-id",
            Title = "UID or GID at or below 10000",
            Severity = Severity.Low,
            Category = "security-context",
            Kinds = CheckKinds.Workloads,
            Url = Links.SecurityContext,
            EnabledByDefault = false,
            Description = "A low UID or GID may coincide with a privileged user on the host if the container escapes.",
            Remediation = "Use runAsUser and runAsGroup above 10000.",
            Equivalents = new() { Kubesec = "RunAsUser, RunAsGroup", KubeScore = "container-security-context-user-group-id", Checkov = "CKV_K8S_40", Trivy = "KSV-0020, KSV-0021" },
        },
        (c, sink) =>
        {
            var e = c.Effective;
            if (e.RunAsUser is not { Value: > 10000 })
            {
                sink.Report(c, e.RunAsUser?.Node, $"{c.Label} runAsUser is {e.RunAsUser?.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unset"}; use a UID above 10000");
            }
            else if (e.RunAsGroup is not { Value: > 10000 })
            {
                sink.Report(c, e.RunAsGroup?.Node, $"{c.Label} runAsGroup is {e.RunAsGroup?.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unset"}; use a GID above 10000");
            }
        },
        linuxOnly: true);

    public static IEnumerable<ICheck> All() => [Privileged, PrivilegeEscalation, RunAsRoot, RunAsUidZero, RunAsGroupZero, LowUserId];
}
