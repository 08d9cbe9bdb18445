namespace AutoShield.Manifests.Yaml;

/// <summary>One document of a YAML stream: its root and, for rendered Helm output, the template it came from.</summary>
public sealed record YamlDocument(ManifestNode Root, int Index, string? TemplateSource);
