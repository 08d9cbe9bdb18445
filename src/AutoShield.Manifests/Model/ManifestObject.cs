using AutoShield.Manifests.Yaml;

namespace AutoShield.Manifests.Model;

/// <summary>One Kubernetes object read from an input, with where it starts and its parsed tree.</summary>
public sealed class ManifestObject
{
    private PodSpecView? _podSpec;
    private bool _podSpecResolved;

    internal ManifestObject(string source, int documentIndex, string? templateSource, ManifestNode root, string apiVersion, string kind, WorkloadKinds workloadKinds)
    {
        Source = source;
        DocumentIndex = documentIndex;
        TemplateSource = templateSource;
        Root = root;
        ApiVersion = apiVersion;
        Kind = kind;
        Metadata = root.Get("metadata");
        Name = Metadata?.Get("name")?.AsString() ?? Metadata?.Get("generateName")?.AsString() ?? "";
        Namespace = Metadata?.Get("namespace")?.AsString();
        Ref = new ObjectRef(kind, Namespace ?? "", Name);
        WorkloadKinds = workloadKinds;
    }

    private ManifestObject(ManifestObject original, ManifestNode root)
    {
        Source = original.Source;
        DocumentIndex = original.DocumentIndex;
        TemplateSource = original.TemplateSource;
        Root = root;
        ApiVersion = original.ApiVersion;
        Kind = original.Kind;
        Metadata = root.Get("metadata");
        Name = original.Name;
        Namespace = original.Namespace;
        Ref = original.Ref;
        WorkloadKinds = original.WorkloadKinds;
        PathPrefix = original.PathPrefix;
    }

    /// <summary>The input the object came from.</summary>
    public string Source { get; }

    /// <summary>0-based index of the YAML document within the input.</summary>
    public int DocumentIndex { get; }

    /// <summary>The Helm template (<c># Source:</c> comment) that rendered this document, when known.</summary>
    public string? TemplateSource { get; }

    public ManifestNode Root { get; }

    public ManifestNode? Metadata { get; }

    public string ApiVersion { get; }

    public string Kind { get; }

    public string Name { get; }

    /// <summary>metadata.namespace, or null when the manifest leaves it to the applier.</summary>
    public string? Namespace { get; }

    public ObjectRef Ref { get; }

    public int Line => Root.Line;

    public int Column => Root.Column;

    /// <summary>The API group ("" for core), from apiVersion.</summary>
    public string Group => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : "";

    public ManifestNode? Labels => Metadata?.Get("labels");

    public ManifestNode? Annotations => Metadata?.Get("annotations");

    public ManifestNode? Spec => Root.Get("spec");

    internal WorkloadKinds WorkloadKinds { get; }

    /// <summary>The field path of <see cref="Root"/> in its document: <c>items[3]</c> for an item of a List, else empty.</summary>
    internal string PathPrefix { get; init; } = "";

    /// <summary>The pod spec of a workload (Pod, Deployment, CronJob, ...), or null for other kinds.</summary>
    public PodSpecView? PodSpec
    {
        get
        {
            if (!_podSpecResolved)
            {
                _podSpec = PodSpecView.For(this);
                _podSpecResolved = true;
            }

            return _podSpec;
        }
    }

    /// <summary>
    /// This object with <paramref name="root"/> (a pruned copy of its tree) in place of its tree: what cross-object
    /// checks read after the full tree has been scanned and dropped.
    /// </summary>
    internal ManifestObject WithPrunedRoot(ManifestNode root) => new(this, root);

    public string? Annotation(string key) => Annotations?.Get(key)?.AsString();

    public override string ToString() => $"{Ref} ({Source}:{Line})";
}
