namespace AutoShield.Manifests.Scanning;

/// <summary>
/// Bounds that make hostile input (alias bombs, deep nesting, huge or binary files) end in a clear error instead of
/// exhausting memory or time. Defaults sit far above real manifests, including rendered Helm charts and CRDs.
/// </summary>
public sealed record ManifestLimits
{
    /// <summary>Largest input accepted, in bytes.</summary>
    public long MaxInputBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Largest single YAML document, in characters.</summary>
    public long MaxDocumentChars { get; init; } = 8L * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and sequences.</summary>
    public int MaxDepth { get; init; } = 100;

    /// <summary>Aliases (<c>*name</c>) dereferenced in one document.</summary>
    public int MaxAliases { get; init; } = 10_000;

    /// <summary>Nodes in one document with every alias expanded: the guard against billion-laughs documents.</summary>
    public long MaxExpandedNodes { get; init; } = 2_000_000;

    /// <summary>Documents in one input.</summary>
    public int MaxDocuments { get; init; } = 100_000;

    public static ManifestLimits Default { get; } = new();
}
