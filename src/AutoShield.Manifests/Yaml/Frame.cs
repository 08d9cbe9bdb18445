namespace AutoShield.Manifests.Yaml;

/// <summary>A mapping or sequence under construction in <see cref="YamlTreeReader"/>.</summary>
internal sealed class Frame(ManifestNode node, string? anchor)
{
    public ManifestNode Node { get; } = node;

    public string? Anchor { get; } = anchor;

    /// <summary>The key read, waiting for its value (mappings only).</summary>
    public ManifestNode? PendingKey { get; set; }

    /// <summary>Values of <c>&lt;&lt;</c> merge keys, applied when the mapping closes so explicit keys win.</summary>
    public List<ManifestNode>? Merges { get; set; }

    /// <summary>Nodes in this collection so far, itself included, with aliases expanded.</summary>
    public long Weight { get; set; } = 1;

    public bool ExpectsKey => Node.IsMapping && PendingKey is null;
}
