using AutoShield.Manifests.Checks.Probes;
using AutoShield.Manifests.Model;
using AutoShield.Manifests.Yaml;

namespace AutoShield.Manifests.PodSecurity;

/// <summary>The baseline level of the Pod Security Standards, rule by rule, with PSA's check ids and exact semantics.</summary>
internal static class PssBaselineChecks
{
    public static IEnumerable<PssCheck> All()
    {
        yield return new PssCheck("windowsHostProcess", PssLevel.Baseline, 0, "no Windows HostProcess",
            "securityContext.windowsOptions.hostProcess must be unset or false on the pod and every container.",
            "Remove windowsOptions.hostProcess.",
            (pod, sink) =>
            {
                if (pod.SecurityContext?.Get("windowsOptions")?.Get("hostProcess") is { } p && p.AsBool() == true)
                {
                    sink.Report(pod.Object, p, "windowsHostProcess: pod must not set securityContext.windowsOptions.hostProcess=true");
                }

                foreach (var c in pod.Containers)
                {
                    if (c.SecurityContext?.Get("windowsOptions")?.Get("hostProcess") is { } h && h.AsBool() == true)
                    {
                        sink.Report(c, h, $"windowsHostProcess: {c.Label} must not set securityContext.windowsOptions.hostProcess=true");
                    }
                }
            });

        yield return new PssCheck("hostNamespaces", PssLevel.Baseline, 0, "no host namespaces",
            "hostNetwork, hostPID and hostIPC must be unset or false.",
            "Remove hostNetwork, hostPID and hostIPC.",
            (pod, sink) =>
            {
                foreach (var field in new[] { "hostNetwork", "hostPID", "hostIPC" })
                {
                    if (pod.Spec.Get(field) is { } n && n.AsBool() == true)
                    {
                        sink.Report(pod.Object, n, $"host namespaces: {field}=true");
                    }
                }
            });

        yield return new PssCheck("privileged", PssLevel.Baseline, 0, "no privileged containers",
            "securityContext.privileged must be unset or false on every container, init and ephemeral containers included.",
            "Remove securityContext.privileged.",
            (pod, sink) => EachContainer(pod, sink, "privileged", c => c.SecurityContext?.Get("privileged") is { } p && p.AsBool() == true ? p : null,
                c => $"{c.Label} must not set securityContext.privileged=true"));

        yield return new PssCheck("capabilities_baseline", PssLevel.Baseline, 0, "only default capabilities added",
            "capabilities.add may only list AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID and SYS_CHROOT (compared exactly as written).",
            "Remove the other capabilities from capabilities.add.",
            (pod, sink) =>
            {
                foreach (var c in pod.Containers)
                {
                    foreach (var item in c.SecurityContext?.Get("capabilities")?.Get("add")?.Items ?? [])
                    {
                        if (item.AsString() is not { } name || !PssRules.BaselineCapabilities.Contains(name))
                        {
                            sink.Report(c, item, $"non-default capabilities: {c.Label} must not include \"{item.AsString()}\" in securityContext.capabilities.add");
                        }
                    }
                }
            });

        yield return new PssCheck("hostPathVolumes", PssLevel.Baseline, 0, "no hostPath volumes",
            "No volume may use hostPath.",
            "Replace hostPath volumes with persistentVolumeClaim, emptyDir, configMap or secret.",
            (pod, sink) =>
            {
                foreach (var v in pod.Volumes?.Items ?? [])
                {
                    if (v.GetKey("hostPath") is { } key)
                    {
                        sink.Report(pod.Object, key, $"hostPath volumes: volume \"{v.Get("name")?.AsString()}\"");
                    }
                }
            });

        yield return new PssCheck("hostPorts", PssLevel.Baseline, 0, "no host ports",
            "ports[*].hostPort must be unset or 0 on every container.",
            "Remove hostPort.",
            (pod, sink) =>
            {
                foreach (var c in pod.Containers)
                {
                    foreach (var port in c.Ports?.Items ?? [])
                    {
                        if (port.Get("hostPort") is { } hp && hp.AsLong() is { } value && value != 0)
                        {
                            sink.Report(c, hp, $"hostPort: {c.Label} uses hostPort {value}");
                        }
                    }
                }
            });

        yield return new PssCheck("hostProbesAndHostLifecycle", PssLevel.Baseline, 34, "no probe or lifecycle host",
            "httpGet.host and tcpSocket.host in liveness, readiness and startup probes and in lifecycle handlers must be unset.",
            "Remove the host field from probes and lifecycle handlers.",
            (pod, sink) =>
            {
                foreach (var c in pod.Containers)
                {
                    foreach (var (where, handler) in ProbeChecks.Handlers(c))
                    {
                        if (handler.Get("host")?.AsString() is { Length: > 0 } host)
                        {
                            sink.Report(c, handler.Get("host"), $"probe or lifecycle host: {c.Label} {where} uses host \"{host}\"");
                        }
                    }
                }
            });

        yield return new PssCheck("appArmorProfile", PssLevel.Baseline, 0, "AppArmor not unconfined",
            "appArmorProfile.type on the pod and containers (from 1.30) must be RuntimeDefault or Localhost, and the legacy container.apparmor.security.beta.kubernetes.io annotations must be runtime/default or localhost/*.",
            "Use RuntimeDefault or a Localhost profile; remove unconfined annotations.",
            (pod, sink) =>
            {
                if (pod.Metadata?.Get("annotations") is { IsMapping: true } annotations)
                {
                    for (var i = 0; i < annotations.Count; i++)
                    {
                        var key = annotations.KeyAt(i).Value ?? "";
                        var value = annotations.ValueAt(i).AsString() ?? "";
                        if (key.StartsWith("container.apparmor.security.beta.kubernetes.io/", StringComparison.Ordinal)
                            && value is not ("" or "runtime/default") && !value.StartsWith("localhost/", StringComparison.Ordinal))
                        {
                            sink.Report(pod.Object, annotations.ValueAt(i), $"forbidden AppArmor profile: annotation {key}=\"{value}\"");
                        }
                    }
                }

                if (!sink.Options.KubernetesVersion.AtLeast(1, 30))
                {
                    return;
                }

                CheckProfileType(pod, sink, "appArmorProfile", "forbidden AppArmor profile");
            });

        yield return new PssCheck("seLinuxOptions", PssLevel.Baseline, 0, "no custom SELinux options",
            "seLinuxOptions.type must be empty, container_t, container_init_t, container_kvm_t or (from 1.31) container_engine_t; user and role must be unset, on the pod and every container.",
            "Remove seLinuxOptions.user and .role, and any other type.",
            (pod, sink) =>
            {
                CheckSeLinux(pod.SecurityContext?.Get("seLinuxOptions"), "pod", pod, null, sink);
                foreach (var c in pod.Containers)
                {
                    CheckSeLinux(c.SecurityContext?.Get("seLinuxOptions"), c.Label, pod, c, sink);
                }
            });

        yield return new PssCheck("procMount", PssLevel.Baseline, 0, "default /proc mount",
            "securityContext.procMount must be unset or Default (from 1.35, Unmasked is allowed for pods with hostUsers: false).",
            "Remove securityContext.procMount.",
            (pod, sink) =>
            {
                var relaxed = pod.UserNamespaced && sink.Options.KubernetesVersion.AtLeast(1, 35);
                EachContainer(pod, sink, "procMount", c => c.SecurityContext?.Get("procMount") is { } p && p.AsString() is { } v && v != "Default" && !(relaxed && v == "Unmasked") ? p : null,
                    c => $"procMount: {c.Label} must not set securityContext.procMount=\"{c.SecurityContext?.Get("procMount")?.AsString()}\"");
            });

        yield return new PssCheck("seccompProfile_baseline", PssLevel.Baseline, 0, "seccomp not unconfined",
            "seccompProfile.type on the pod and containers must not be Unconfined (before 1.19, the legacy seccomp annotations must not be unconfined).",
            "Use seccompProfile.type: RuntimeDefault.",
            (pod, sink) =>
            {
                if (!sink.Options.KubernetesVersion.AtLeast(1, 19))
                {
                    LegacySeccompAnnotations(pod, sink, v => v == "unconfined", "seccompProfile");
                    return;
                }

                if (pod.SecurityContext?.Get("seccompProfile")?.Get("type") is { } t && t.AsString() == "Unconfined")
                {
                    sink.Report(pod.Object, t, "seccompProfile: pod must not set securityContext.seccompProfile.type to \"Unconfined\"");
                }

                EachContainer(pod, sink, "seccompProfile", c => c.SecurityContext?.Get("seccompProfile")?.Get("type") is { } ct && ct.AsString() == "Unconfined" ? ct : null,
                    c => $"seccompProfile: {c.Label} must not set securityContext.seccompProfile.type to \"Unconfined\"");
            });

        yield return new PssCheck("sysctls", PssLevel.Baseline, 0, "only safe sysctls",
            "securityContext.sysctls may only name the safe set of the pinned version (kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.ip_unprivileged_port_start, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, and later additions).",
            "Remove the unsafe sysctls.",
            (pod, sink) =>
            {
                foreach (var s in pod.SecurityContext?.Get("sysctls")?.Items ?? [])
                {
                    var name = s.Get("name")?.AsString() ?? "";
                    if (!PssRules.IsSafeSysctl(name, sink.Options.KubernetesVersion))
                    {
                        sink.Report(pod.Object, s.Get("name") ?? s, $"forbidden sysctls: {name}");
                    }
                }
            });
    }

    internal static void EachContainer(PodSpecView pod, Checks.FindingSink sink, string rule, Func<ContainerView, ManifestNode?> offending, Func<ContainerView, string> message)
    {
        foreach (var c in pod.Containers)
        {
            if (offending(c) is { } node)
            {
                sink.Report(c, node, $"{rule}: {message(c)}");
            }
        }
    }

    internal static void CheckProfileType(PodSpecView pod, Checks.FindingSink sink, string field, string rule)
    {
        if (pod.SecurityContext?.Get(field)?.Get("type") is { } t && t.AsString() is not ("RuntimeDefault" or "Localhost"))
        {
            sink.Report(pod.Object, t, $"{rule}: pod must not set securityContext.{field}.type to \"{t.AsString()}\"");
        }

        foreach (var c in pod.Containers)
        {
            if (c.SecurityContext?.Get(field)?.Get("type") is { } ct && ct.AsString() is not ("RuntimeDefault" or "Localhost"))
            {
                sink.Report(c, ct, $"{rule}: {c.Label} must not set securityContext.{field}.type to \"{ct.AsString()}\"");
            }
        }
    }

    internal static void LegacySeccompAnnotations(PodSpecView pod, Checks.FindingSink sink, Func<string, bool> forbidden, string rule)
    {
        if (pod.Metadata?.Get("annotations") is not { IsMapping: true } annotations)
        {
            return;
        }

        for (var i = 0; i < annotations.Count; i++)
        {
            var key = annotations.KeyAt(i).Value ?? "";
            var value = annotations.ValueAt(i).AsString() ?? "";
            if ((key == "seccomp.security.alpha.kubernetes.io/pod" || key.StartsWith("container.seccomp.security.alpha.kubernetes.io/", StringComparison.Ordinal)) && forbidden(value))
            {
                sink.Report(pod.Object, annotations.ValueAt(i), $"{rule}: annotation {key}=\"{value}\"");
            }
        }
    }

    private static void CheckSeLinux(ManifestNode? options, string who, PodSpecView pod, ContainerView? container, Checks.FindingSink sink)
    {
        if (options is null)
        {
            return;
        }

        void Report(ManifestNode? at, string message)
        {
            if (container is null)
            {
                sink.Report(pod.Object, at ?? options, message);
            }
            else
            {
                sink.Report(container, at ?? options, message);
            }
        }

        var type = options.Get("type")?.AsString();
        if (!PssRules.IsAllowedSeLinuxType(type, sink.Options.KubernetesVersion))
        {
            Report(options.Get("type"), $"seLinuxOptions: {who} must not set seLinuxOptions.type=\"{type}\"");
        }

        foreach (var field in new[] { "user", "role" })
        {
            if (options.Get(field)?.AsString() is { Length: > 0 } value)
            {
                Report(options.Get(field), $"seLinuxOptions: {who} must not set seLinuxOptions.{field}=\"{value}\"");
            }
        }
    }
}
