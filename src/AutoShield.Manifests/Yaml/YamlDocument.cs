namespace AutoShield.Manifests.Yaml;

/// <summary>One document of a YAML stream: its root and, for rendered Helm output, the template it came from.</summary>
public sealed record YamlDocument(ManifestNode Root, int Index, string? TemplateSource)
{
    /// <summary>The items of this List were handed out one by one while it was read; its root no longer holds them.</summary>
    internal bool ItemsStreamed { get; init; }
}
