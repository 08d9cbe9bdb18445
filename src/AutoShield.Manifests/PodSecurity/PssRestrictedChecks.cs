using AutoShield.Manifests.Model;

namespace AutoShield.Manifests.PodSecurity;

/// <summary>The restricted level's additions to baseline, with PSA's check ids, version gates and Windows exemptions.</summary>
internal static class PssRestrictedChecks
{
    public static IEnumerable<PssCheck> All()
    {
        yield return new PssCheck("restrictedVolumes", PssLevel.Restricted, 0, "only core volume types",
            "Volumes may only be configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected, secret or image.",
            "Reach other storage through a persistentVolumeClaim.",
            (pod, sink) =>
            {
                foreach (var v in pod.Volumes?.Items ?? [])
                {
                    foreach (var type in PssRules.ForbiddenVolumeTypes)
                    {
                        if (v.GetKey(type) is { } key)
                        {
                            sink.Report(pod.Object, key, $"restricted volume types: volume \"{v.Get("name")?.AsString()}\" uses {type}");
                        }
                    }
                }
            });

        yield return new PssCheck("allowPrivilegeEscalation", PssLevel.Restricted, 8, "privilege escalation disabled",
            "Every container must set securityContext.allowPrivilegeEscalation: false (Windows pods exempt from 1.25).",
            "Set allowPrivilegeEscalation: false on every container.",
            (pod, sink) =>
            {
                if (WindowsExempt(pod, sink))
                {
                    return;
                }

                foreach (var c in pod.Containers)
                {
                    var ape = c.SecurityContext?.Get("allowPrivilegeEscalation");
                    if (ape?.AsBool() != false)
                    {
                        sink.Report(c, ape, $"allowPrivilegeEscalation != false: {c.Label} must set securityContext.allowPrivilegeEscalation=false");
                    }
                }
            });

        yield return new PssCheck("runAsNonRoot", PssLevel.Restricted, 0, "runs as non-root",
            "runAsNonRoot must be true on the pod or on every container, and no container may set it false (from 1.35 not required for pods with hostUsers: false).",
            "Set securityContext.runAsNonRoot: true at pod level.",
            (pod, sink) =>
            {
                if (pod.UserNamespaced && sink.Options.KubernetesVersion.AtLeast(1, 35))
                {
                    return;
                }

                var podLevel = pod.SecurityContext?.Get("runAsNonRoot");
                if (podLevel?.AsBool() == false)
                {
                    sink.Report(pod.Object, podLevel, "runAsNonRoot != true: pod must not set securityContext.runAsNonRoot=false");
                }

                foreach (var c in pod.Containers)
                {
                    var own = c.SecurityContext?.Get("runAsNonRoot");
                    if (own?.AsBool() == false)
                    {
                        sink.Report(c, own, $"runAsNonRoot != true: {c.Label} must not set securityContext.runAsNonRoot=false");
                    }
                    else if (own?.AsBool() != true && podLevel?.AsBool() != true)
                    {
                        sink.Report(c, null, $"runAsNonRoot != true: pod or {c.Label} must set securityContext.runAsNonRoot=true");
                    }
                }
            });

        yield return new PssCheck("runAsUser", PssLevel.Restricted, 23, "not UID 0",
            "runAsUser must not be 0 on the pod or any container (from 1.35 any value is allowed for pods with hostUsers: false).",
            "Set runAsUser to a non-zero UID, or leave it to the image.",
            (pod, sink) =>
            {
                if (pod.UserNamespaced && sink.Options.KubernetesVersion.AtLeast(1, 35))
                {
                    return;
                }

                if (pod.SecurityContext?.Get("runAsUser") is { } p && p.AsLong() == 0)
                {
                    sink.Report(pod.Object, p, "runAsUser=0: pod must not set runAsUser=0");
                }

                PssBaselineChecks.EachContainer(pod, sink, "runAsUser=0", c => c.SecurityContext?.Get("runAsUser") is { } u && u.AsLong() == 0 ? u : null,
                    c => $"{c.Label} must not set runAsUser=0");
            });

        yield return new PssCheck("seccompProfile_restricted", PssLevel.Restricted, 0, "seccomp RuntimeDefault or Localhost",
            "seccompProfile.type must be RuntimeDefault or Localhost on the pod, or on every container; no container may set another type (Windows pods exempt from 1.25; before 1.19 the legacy annotations are read).",
            "Set securityContext.seccompProfile.type: RuntimeDefault at pod level.",
            (pod, sink) =>
            {
                if (WindowsExempt(pod, sink))
                {
                    return;
                }

                if (!sink.Options.KubernetesVersion.AtLeast(1, 19))
                {
                    LegacyRestrictedSeccomp(pod, sink);
                    return;
                }

                var podType = pod.SecurityContext?.Get("seccompProfile")?.Get("type");
                var podOk = podType?.AsString() is "RuntimeDefault" or "Localhost";
                if (podType is not null && !podOk)
                {
                    sink.Report(pod.Object, podType, $"seccompProfile: pod must not set securityContext.seccompProfile.type to \"{podType.AsString()}\"");
                }

                foreach (var c in pod.Containers)
                {
                    var type = c.SecurityContext?.Get("seccompProfile")?.Get("type");
                    if (type is not null && type.AsString() is not ("RuntimeDefault" or "Localhost"))
                    {
                        sink.Report(c, type, $"seccompProfile: {c.Label} must not set securityContext.seccompProfile.type to \"{type.AsString()}\"");
                    }
                    else if (type is null && !podOk)
                    {
                        sink.Report(c, null, $"seccompProfile: pod or {c.Label} must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"");
                    }
                }
            });

        yield return new PssCheck("capabilities_restricted", PssLevel.Restricted, 22, "drop ALL, add at most NET_BIND_SERVICE",
            "Every container must drop ALL and may add only NET_BIND_SERVICE (Windows pods exempt from 1.25).",
            "Set capabilities.drop: [ALL]; add only NET_BIND_SERVICE when binding low ports.",
            (pod, sink) =>
            {
                if (WindowsExempt(pod, sink))
                {
                    return;
                }

                foreach (var c in pod.Containers)
                {
                    var caps = c.SecurityContext?.Get("capabilities");
                    if (caps?.Get("drop")?.Items.Any(i => i.AsString() == "ALL") != true)
                    {
                        sink.Report(c, caps?.Get("drop"), $"unrestricted capabilities: {c.Label} must set securityContext.capabilities.drop=[\"ALL\"]");
                    }

                    foreach (var item in caps?.Get("add")?.Items ?? [])
                    {
                        if (item.AsString() != "NET_BIND_SERVICE")
                        {
                            sink.Report(c, item, $"unrestricted capabilities: {c.Label} must not include \"{item.AsString()}\" in securityContext.capabilities.add");
                        }
                    }
                }
            });

        yield return new PssCheck("procMount_restricted", PssLevel.Restricted, 35, "default /proc mount even with user namespaces",
            "securityContext.procMount must be unset or Default, whether or not the pod uses a user namespace.",
            "Remove securityContext.procMount.",
            (pod, sink) => PssBaselineChecks.EachContainer(pod, sink, "procMount", c => c.SecurityContext?.Get("procMount") is { } p && p.AsString() is { } v && v != "Default" ? p : null,
                c => $"{c.Label} must not set securityContext.procMount=\"{c.SecurityContext?.Get("procMount")?.AsString()}\""));
    }

    private static bool WindowsExempt(PodSpecView pod, Checks.FindingSink sink) => pod.IsWindows && sink.Options.KubernetesVersion.AtLeast(1, 25);

    private static void LegacyRestrictedSeccomp(PodSpecView pod, Checks.FindingSink sink)
    {
        static bool Allowed(string? v) => v is "runtime/default" or "docker/default" || (v?.StartsWith("localhost/", StringComparison.Ordinal) ?? false);

        var podValue = pod.Annotation("seccomp.security.alpha.kubernetes.io/pod")?.AsString();
        foreach (var c in pod.Containers)
        {
            var own = pod.Annotation("container.seccomp.security.alpha.kubernetes.io/" + c.Name);
            if (own is not null ? !Allowed(own.AsString()) : !Allowed(podValue))
            {
                sink.Report(c, own, $"seccompProfile: {c.Label} must use a runtime/default or localhost seccomp annotation");
            }
        }
    }
}
