using AutoShield.Manifests.Yaml;

namespace AutoShield.Manifests.Model;

/// <summary>An effective setting's value with the node that set it, so a finding points at the right line.</summary>
public readonly record struct Setting<T>(T Value, ManifestNode Node, SettingLevel Level);
