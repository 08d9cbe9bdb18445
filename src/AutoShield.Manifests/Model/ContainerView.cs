using AutoShield.Manifests.Yaml;

namespace AutoShield.Manifests.Model;

/// <summary>One container of a pod spec, with its effective security context computed on first use.</summary>
public sealed class ContainerView
{
    private EffectiveSecurityContext? _effective;
    private ImageReference? _imageReference;

    internal ContainerView(PodSpecView pod, ManifestNode node, ContainerType type, int index)
    {
        Pod = pod;
        Node = node;
        Type = type;
        Index = index;
        Name = node.Get("name")?.AsString() ?? $"#{index}";
    }

    public PodSpecView Pod { get; }

    public ManifestNode Node { get; }

    public ContainerType Type { get; }

    public int Index { get; }

    public string Name { get; }

    public ManifestNode? ImageNode => Node.Get("image");

    public string? Image => ImageNode?.AsString();

    /// <summary>The parsed image, or null when the container names none; parsed once for all image checks.</summary>
    public ImageReference? ImageReference => Image is { } image ? _imageReference ??= Model.ImageReference.Parse(image) : null;

    public ManifestNode? SecurityContext => Node.Get("securityContext");

    public ManifestNode? Resources => Node.Get("resources");

    public ManifestNode? Ports => Node.Get("ports") is { IsSequence: true } p ? p : null;

    public ManifestNode? Env => Node.Get("env") is { IsSequence: true } e ? e : null;

    /// <summary>The container's settings with the pod's as fallback where Kubernetes falls back.</summary>
    public EffectiveSecurityContext Effective => _effective ??= new EffectiveSecurityContext(this);

    /// <summary>A short label for messages: <c>container "web"</c>, <c>init container "setup"</c>.</summary>
    public string Label => Type switch
    {
        ContainerType.Init => $"init container \"{Name}\"",
        ContainerType.Ephemeral => $"ephemeral container \"{Name}\"",
        _ => $"container \"{Name}\"",
    };
}
