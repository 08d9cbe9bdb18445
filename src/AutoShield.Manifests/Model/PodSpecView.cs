using AutoShield.Manifests.Yaml;

namespace AutoShield.Manifests.Model;

/// <summary>
/// The pod spec of any workload kind, reached through one path so every pod check treats a Pod, a Deployment's
/// template and a CronJob's job template alike. Containers include init and ephemeral containers.
/// </summary>
public sealed class PodSpecView
{
    private static readonly (string Field, ContainerType Type)[] ContainerLists =
    [
        ("initContainers", ContainerType.Init),
        ("containers", ContainerType.Container),
        ("ephemeralContainers", ContainerType.Ephemeral),
    ];

    private PodSpecView(ManifestObject owner, ManifestNode template, ManifestNode spec)
    {
        Object = owner;
        Template = template;
        Spec = spec;
        Metadata = template.Get("metadata");
        var containers = new List<ContainerView>();
        foreach (var (field, type) in ContainerLists)
        {
            if (spec.Get(field) is { IsSequence: true } list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    if (list.Items[i].IsMapping)
                    {
                        containers.Add(new ContainerView(this, list.Items[i], type, i));
                    }
                }
            }
        }

        Containers = containers;
    }

    public ManifestObject Object { get; }

    /// <summary>The node holding the template's metadata and spec (the object itself for a Pod).</summary>
    public ManifestNode Template { get; }

    public ManifestNode Spec { get; }

    /// <summary>The pod's (template's) metadata: its labels and annotations.</summary>
    public ManifestNode? Metadata { get; }

    /// <summary>Init, regular and ephemeral containers, in that order.</summary>
    public IReadOnlyList<ContainerView> Containers { get; }

    public ManifestNode? SecurityContext => Spec.Get("securityContext");

    public ManifestNode? Labels => Metadata?.Get("labels");

    public ManifestNode? Volumes => Spec.Get("volumes") is { IsSequence: true } v ? v : null;

    /// <summary>spec.os.name is windows: Linux-only settings do not apply.</summary>
    public bool IsWindows => string.Equals(Spec.Get("os")?.Get("name")?.AsString(), "windows", StringComparison.OrdinalIgnoreCase);

    /// <summary>Run-to-completion pods (Job, CronJob), for which probes make little sense.</summary>
    public bool IsBatch => Object.Kind is "Job" or "CronJob";

    /// <summary>hostUsers: false puts the pod in a user namespace, which relaxes some PSS rules.</summary>
    public bool UserNamespaced => Spec.Get("hostUsers")?.AsBool() == false;

    /// <summary>An annotation of the pod (template), where the legacy seccomp and AppArmor settings live.</summary>
    public ManifestNode? Annotation(string key) => Metadata?.Get("annotations")?.Get(key);

    /// <summary>The containers of the pod's main list only (probes and resources concern these).</summary>
    public IEnumerable<ContainerView> RegularContainers => Containers.Where(c => c.Type == ContainerType.Container);

    internal static PodSpecView? For(ManifestObject owner)
    {
        if (!owner.WorkloadKinds.TryGetTemplatePath(owner.Kind, out var path))
        {
            return null;
        }

        ManifestNode? template = owner.Root;
        foreach (var part in path)
        {
            template = template?.Get(part);
        }

        return template?.Get("spec") is { IsMapping: true } spec ? new PodSpecView(owner, template, spec) : null;
    }
}
