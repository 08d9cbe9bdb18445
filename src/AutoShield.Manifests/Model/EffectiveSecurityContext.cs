using AutoShield.Manifests.Yaml;

namespace AutoShield.Manifests.Model;

/// <summary>
/// What Kubernetes will actually apply to a container. runAsUser, runAsGroup, runAsNonRoot, seLinuxOptions,
/// seccompProfile, appArmorProfile and windowsOptions fall back from the container to the pod, then (seccomp,
/// AppArmor) to the legacy annotations; privileged, allowPrivilegeEscalation, capabilities, readOnlyRootFilesystem
/// and procMount exist on the container only. Ignoring this fallback is the false positive users of every other
/// scanner complain about most.
/// </summary>
public sealed class EffectiveSecurityContext
{
    internal EffectiveSecurityContext(ContainerView container)
    {
        var own = container.SecurityContext;
        var pod = container.Pod.SecurityContext;
        RunAsUser = Long(own, pod, "runAsUser");
        RunAsGroup = Long(own, pod, "runAsGroup");
        RunAsNonRoot = Bool(own, pod, "runAsNonRoot");
        SeLinuxOptions = Node(own, pod, "seLinuxOptions");
        WindowsHostProcess = Bool(own?.Get("windowsOptions"), pod?.Get("windowsOptions"), "hostProcess");
        Privileged = own?.Get("privileged") is { } p && p.AsBool() is { } pv ? new Setting<bool>(pv, p, SettingLevel.Container) : null;
        AllowPrivilegeEscalation = own?.Get("allowPrivilegeEscalation") is { } a && a.AsBool() is { } av ? new Setting<bool>(av, a, SettingLevel.Container) : null;
        ReadOnlyRootFilesystem = own?.Get("readOnlyRootFilesystem") is { } r && r.AsBool() is { } rv ? new Setting<bool>(rv, r, SettingLevel.Container) : null;
        ProcMount = own?.Get("procMount") is { } m && m.AsString() is { } mv ? new Setting<string>(mv, m, SettingLevel.Container) : null;
        CapabilitiesAdd = own?.Get("capabilities")?.Get("add") is { IsSequence: true } add ? add : null;
        CapabilitiesDrop = own?.Get("capabilities")?.Get("drop") is { IsSequence: true } drop ? drop : null;
        // The legacy annotation keys are built only for pods that carry annotations: most do not, and every
        // container would otherwise pay for two string concatenations.
        var annotated = container.Pod.Metadata?.Get("annotations") is { Count: > 0 };
        Seccomp = Profile(own, pod, "seccompProfile")
            ?? (annotated ? Annotation(container, "container.seccomp.security.alpha.kubernetes.io/" + container.Name) : null)
            ?? (annotated ? Annotation(container, "seccomp.security.alpha.kubernetes.io/pod") : null);
        AppArmor = Profile(own, pod, "appArmorProfile")
            ?? (annotated ? Annotation(container, "container.apparmor.security.beta.kubernetes.io/" + container.Name) : null);
    }

    public Setting<long>? RunAsUser { get; }

    public Setting<long>? RunAsGroup { get; }

    public Setting<bool>? RunAsNonRoot { get; }

    public Setting<ManifestNode>? SeLinuxOptions { get; }

    public Setting<bool>? WindowsHostProcess { get; }

    public Setting<bool>? Privileged { get; }

    public Setting<bool>? AllowPrivilegeEscalation { get; }

    public Setting<bool>? ReadOnlyRootFilesystem { get; }

    public Setting<string>? ProcMount { get; }

    /// <summary>Seccomp profile type, normalised to RuntimeDefault, Localhost or Unconfined (annotations included).</summary>
    public Setting<string>? Seccomp { get; }

    /// <summary>AppArmor profile type, normalised like <see cref="Seccomp"/>.</summary>
    public Setting<string>? AppArmor { get; }

    public ManifestNode? CapabilitiesAdd { get; }

    public ManifestNode? CapabilitiesDrop { get; }

    /// <summary>The container runs as a non-root user for sure: runAsNonRoot true or a non-zero runAsUser.</summary>
    public bool SurelyNonRoot => RunAsUser is { Value: > 0 } || (RunAsNonRoot is { Value: true } && RunAsUser is not { Value: 0 });

    /// <summary>Capability names as written, upper-cased and without a CAP_ prefix (how runtimes read them).</summary>
    public static string NormaliseCapability(string name)
    {
        var upper = name.Trim().ToUpperInvariant();
        return upper.StartsWith("CAP_", StringComparison.Ordinal) ? upper[4..] : upper;
    }

    public bool Drops(string capability) => Contains(CapabilitiesDrop, capability) || Contains(CapabilitiesDrop, "ALL");

    public ManifestNode? FindAdded(string capability) => Find(CapabilitiesAdd, capability);

    /// <summary>The drop-list entry for <paramref name="capability"/> (ALL included only when asked for).</summary>
    public ManifestNode? FindDropped(string capability) => Find(CapabilitiesDrop, capability);

    private static ManifestNode? Find(ManifestNode? list, string capability)
    {
        if (list is null)
        {
            return null;
        }

        foreach (var item in list.Items)
        {
            if (item.AsString() is { } name && NormaliseCapability(name) == capability)
            {
                return item;
            }
        }

        return null;
    }

    private static bool Contains(ManifestNode? list, string capability) => Find(list, capability) is not null;

    private static Setting<long>? Long(ManifestNode? own, ManifestNode? pod, string field)
    {
        if (own?.Get(field) is { } c && c.AsLong() is { } cv)
        {
            return new Setting<long>(cv, c, SettingLevel.Container);
        }

        return pod?.Get(field) is { } p && p.AsLong() is { } pv ? new Setting<long>(pv, p, SettingLevel.Pod) : null;
    }

    private static Setting<bool>? Bool(ManifestNode? own, ManifestNode? pod, string field)
    {
        if (own?.Get(field) is { } c && c.AsBool() is { } cv)
        {
            return new Setting<bool>(cv, c, SettingLevel.Container);
        }

        return pod?.Get(field) is { } p && p.AsBool() is { } pv ? new Setting<bool>(pv, p, SettingLevel.Pod) : null;
    }

    private static Setting<ManifestNode>? Node(ManifestNode? own, ManifestNode? pod, string field)
    {
        if (own?.Get(field) is { IsMapping: true } c)
        {
            return new Setting<ManifestNode>(c, c, SettingLevel.Container);
        }

        return pod?.Get(field) is { IsMapping: true } p ? new Setting<ManifestNode>(p, p, SettingLevel.Pod) : null;
    }

    private static Setting<string>? Profile(ManifestNode? own, ManifestNode? pod, string field)
    {
        if (own?.Get(field)?.Get("type") is { } c && c.AsString() is { } cv)
        {
            return new Setting<string>(cv, c, SettingLevel.Container);
        }

        return pod?.Get(field)?.Get("type") is { } p && p.AsString() is { } pv ? new Setting<string>(pv, p, SettingLevel.Pod) : null;
    }

    private static Setting<string>? Annotation(ContainerView container, string key)
    {
        if (container.Pod.Annotation(key) is not { } node || node.AsString() is not { } value)
        {
            return null;
        }

        var type = value switch
        {
            "runtime/default" or "docker/default" => "RuntimeDefault",
            "unconfined" => "Unconfined",
            _ when value.StartsWith("localhost/", StringComparison.Ordinal) => "Localhost",
            _ => value,
        };
        return new Setting<string>(type, node, SettingLevel.Annotation);
    }
}
