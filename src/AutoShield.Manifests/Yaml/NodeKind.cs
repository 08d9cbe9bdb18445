namespace AutoShield.Manifests.Yaml;

/// <summary>The three shapes a YAML node can take.</summary>
public enum NodeKind
{
    Scalar,
    Mapping,
    Sequence,
}
