using AutoShield.Manifests.PodSecurity;

namespace AutoShield.Manifests.Checks.SecurityContext;

/// <summary>Filesystem, seccomp, AppArmor, SELinux, procMount, sysctls and Windows host process settings.</summary>
internal static class HardeningChecks
{
    public static readonly ICheck ReadOnlyRootFilesystem = new ContainerCheck(
        new CheckDefinition
        {
            Id = "writable-root-filesystem",
            Title = "Writable root filesystem",
            Severity = Severity.Medium,
            Category = "security-context",
            Kinds = CheckKinds.Workloads,
            Url = Links.SecurityContext,
            Description = "Without readOnlyRootFilesystem: true an intruder can drop tools and change binaries inside the container.",
            Remediation = "Set securityContext.readOnlyRootFilesystem: true; mount an emptyDir where the application must write.",
            Equivalents = new()
            {
                KubeLinter = "no-read-only-root-fs",
                Kubesec = "ReadOnlyRootFilesystem",
                Polaris = "notReadOnlyRootFilesystem",
                KubeScore = "container-security-context-readonlyrootfilesystem",
                Checkov = "CKV_K8S_22",
                Trivy = "KSV-0014",
                Kubescape = "C-0017",
                KubescapeRule = "immutable-container-filesystem",
            },
        },
        (c, sink) =>
        {
            var ro = c.Effective.ReadOnlyRootFilesystem;
            if (ro is not { Value: true })
            {
                sink.Report(c, ro?.Node, $"{c.Label} has a writable root filesystem");
            }
        },
        linuxOnly: true);

    public static readonly ICheck SecurityContextMissing = new ContainerCheck(
        new CheckDefinition
        {
            Id = "security-context-missing",
            Title = "No security context at all",
            Severity = Severity.Low,
            Category = "security-context",
            Kinds = CheckKinds.Workloads,
            Url = Links.SecurityContext,
            Description = "Neither the container nor its pod sets a securityContext: every setting is the runtime default.",
            Remediation = "Add a pod securityContext (runAsNonRoot, seccompProfile) and a container securityContext (allowPrivilegeEscalation, capabilities, readOnlyRootFilesystem).",
            Equivalents = new() { Checkov = "CKV_K8S_29, CKV_K8S_30", Trivy = "KSV-0118", Kubescape = "C-0211" },
        },
        (c, sink) =>
        {
            if (c.SecurityContext is not { Count: > 0 } && c.Pod.SecurityContext is not { Count: > 0 })
            {
                sink.Report(c, null, $"{c.Label} and its pod set no securityContext");
            }
        });

    public static readonly ICheck SeccompMissing = new ContainerCheck(
        new CheckDefinition
        {
            Id = "seccomp-profile-missing",
            Title = "No seccomp profile",
            Severity = Severity.Low,
            Category = "security-context",
            Kinds = CheckKinds.Workloads,
            Url = Links.Seccomp,
            Description = "No RuntimeDefault or Localhost seccomp profile applies to the container (its own, the pod's, or the legacy annotations), so every syscall is allowed.",
            Remediation = "Set securityContext.seccompProfile.type: RuntimeDefault in the pod securityContext.",
            Equivalents = new()
            {
                Kubesec = "SeccompAny",
                Polaris = "linuxHardening",
                KubeScore = "container-seccomp-profile",
                Checkov = "CKV_K8S_31",
                Trivy = "KSV-0030",
                Kubescape = "C-0210",
                Pss = "restricted/seccompProfile_restricted",
            },
        },
        (c, sink) =>
        {
            var s = c.Effective.Seccomp;
            if (s is not { Value: "RuntimeDefault" or "Localhost" } && s is not { Value: "Unconfined" })
            {
                sink.Report(c, s?.Node, $"{c.Label} has no RuntimeDefault or Localhost seccomp profile");
            }
        },
        linuxOnly: true);

    public static readonly ICheck SeccompUnconfined = new ContainerCheck(
        new CheckDefinition
        {
            Id = "seccomp-unconfined",
            Title = "Seccomp unconfined",
            Severity = Severity.Medium,
            Category = "security-context",
            Kinds = CheckKinds.Workloads,
            Url = Links.Seccomp,
            Description = "The container's seccomp profile is explicitly Unconfined (field or legacy annotation): no syscall filtering at all.",
            Remediation = "Use seccompProfile.type: RuntimeDefault, or a Localhost profile that allows what the application needs.",
            Equivalents = new() { Kubesec = "SeccompUnconfined", Trivy = "KSV-0104", Pss = "baseline/seccompProfile_baseline" },
        },
        (c, sink) =>
        {
            if (c.Effective.Seccomp is { Value: "Unconfined" } s)
            {
                sink.Report(c, s.Node, $"{c.Label} runs with seccomp Unconfined");
            }
        },
        linuxOnly: true);

    public static readonly ICheck AppArmorUnconfined = new ContainerCheck(
        new CheckDefinition
        {
            Id = "apparmor-unconfined",
            Title = "AppArmor unconfined",
            Severity = Severity.Medium,
            Category = "security-context",
            Kinds = CheckKinds.Workloads,
            Url = Links.AppArmor,
            Description = "The container's AppArmor profile is Unconfined (appArmorProfile field or legacy annotation).",
            Remediation = "Use appArmorProfile.type: RuntimeDefault (or a Localhost profile); drop the unconfined annotation.",
            Equivalents = new() { Kubesec = "ApparmorUnconfined", Polaris = "linuxHardening", Trivy = "KSV-0002", Kubescape = "C-0055", KubescapeRule = "linux-hardening", Pss = "baseline/appArmorProfile" },
        },
        (c, sink) =>
        {
            if (c.Effective.AppArmor is { Value: "Unconfined" } a)
            {
                sink.Report(c, a.Node, $"{c.Label} runs with AppArmor unconfined");
            }
        },
        linuxOnly: true);

    public static readonly ICheck SeLinuxOptions = new ContainerCheck(
        new CheckDefinition
        {
            Id = "selinux-custom-options",
            Title = "Custom SELinux user, role or type",
            Severity = Severity.Medium,
            Category = "security-context",
            Kinds = CheckKinds.Workloads,
            Url = Links.PodSecurityStandards,
            Description = "seLinuxOptions sets a user or role, or a type outside the container types, which can lift SELinux confinement.",
            Remediation = "Remove seLinuxOptions.user and .role; keep type unset or one of container_t, container_init_t, container_kvm_t, container_engine_t.",
            Equivalents = new() { Polaris = "linuxHardening", Trivy = "KSV-0025", Kubescape = "C-0055", KubescapeRule = "linux-hardening", Pss = "baseline/seLinuxOptions" },
        },
        (c, sink) =>
        {
            if (c.Effective.SeLinuxOptions is not { } opts)
            {
                return;
            }

            var node = opts.Value;
            var type = node.Get("type")?.AsString();
            if (!PssRules.IsAllowedSeLinuxType(type, sink.Options.KubernetesVersion))
            {
                sink.Report(c, node.Get("type"), $"{c.Label} uses SELinux type \"{type}\"");
            }

            foreach (var field in new[] { "user", "role" })
            {
                if (node.Get(field)?.AsString() is { Length: > 0 } value)
                {
                    sink.Report(c, node.Get(field), $"{c.Label} sets SELinux {field} \"{value}\"");
                }
            }
        },
        linuxOnly: true);

    public static readonly ICheck ProcMount = new ContainerCheck(
        new CheckDefinition
        {
            Id = "proc-mount-unmasked",
            Title = "Unmasked /proc",
            Severity = Severity.Medium,
            Category = "security-context",
            Kinds = CheckKinds.Workloads,
            Url = Links.PodSecurityStandards,
            Description = "procMount other than Default exposes the parts of /proc the runtime normally masks.",
            Remediation = "Remove securityContext.procMount or set it to Default.",
            Equivalents = new() { KubeLinter = "unsafe-proc-mount", Polaris = "procMount", Trivy = "KSV-0027", Kubescape = "C-0211", Pss = "baseline/procMount" },
        },
        (c, sink) =>
        {
            if (c.Effective.ProcMount is { } p && p.Value != "Default")
            {
                sink.Report(c, p.Node, $"{c.Label} sets procMount: {p.Value}");
            }
        },
        linuxOnly: true);

    public static readonly ICheck UnsafeSysctls = new PodCheck(
        new CheckDefinition
        {
            Id = "unsafe-sysctls",
            Title = "Unsafe sysctls",
            Severity = Severity.Medium,
            Category = "security-context",
            Kinds = CheckKinds.Workloads,
            Url = Links.Sysctls,
            Description = "The pod sets sysctls outside the namespaced safe set, which can affect the node or other pods.",
            Remediation = "Remove the sysctl, or set it on the node instead of the pod.",
            Equivalents = new() { KubeLinter = "unsafe-sysctls", Trivy = "KSV-0026", Kubescape = "C-0211", Pss = "baseline/sysctls" },
        },
        (pod, sink) =>
        {
            if (pod.SecurityContext?.Get("sysctls") is not { IsSequence: true } sysctls)
            {
                return;
            }

            foreach (var s in sysctls.Items)
            {
                var name = s.Get("name")?.AsString() ?? "";
                if (!PssRules.IsSafeSysctl(name, sink.Options.KubernetesVersion))
                {
                    sink.Report(pod.Object, s.Get("name") ?? s, $"sysctl {name} is not in the safe set");
                }
            }
        });

    public static readonly ICheck WindowsHostProcess = new ContainerCheck(
        new CheckDefinition
        {
            Id = "windows-host-process",
            Title = "Windows HostProcess container",
            Severity = Severity.High,
            Category = "security-context",
            Kinds = CheckKinds.Workloads,
            Url = Links.PodSecurityStandards,
            Description = "A Windows HostProcess container runs directly on the host with the host's privileges.",
            Remediation = "Remove windowsOptions.hostProcess (pod and container) unless this is a node agent that must run on the host.",
            Equivalents = new() { Polaris = "hostProcess", Trivy = "KSV-0103", Kubescape = "C-0202", Pss = "baseline/windowsHostProcess" },
        },
        (c, sink) =>
        {
            if (c.Effective.WindowsHostProcess is { Value: true } h)
            {
                sink.Report(c, h.Node, $"{c.Label} is a Windows HostProcess container");
            }
        });

    public static IEnumerable<ICheck> All() =>
        [ReadOnlyRootFilesystem, SecurityContextMissing, SeccompMissing, SeccompUnconfined, AppArmorUnconfined, SeLinuxOptions, ProcMount, UnsafeSysctls, WindowsHostProcess];
}
