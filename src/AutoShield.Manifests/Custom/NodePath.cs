using System.Globalization;
using AutoShield.Manifests.Yaml;

namespace AutoShield.Manifests.Custom;

/// <summary>
/// A dotted YAML path split once at bind time (<c>template.spec.containers.0.image</c>): keys step into mappings,
/// integers index sequences. Values read as text or as numbers, and a path that leads nowhere reads as missing.
/// </summary>
internal sealed class NodePath
{
    private readonly string[] _parts;

    public NodePath(string dotted)
    {
        _parts = dotted.Split('.');
    }

    public bool IsValid => _parts.All(p => p.Length > 0);

    public ManifestNode? Resolve(ManifestNode? node)
    {
        foreach (var part in _parts)
        {
            if (node is null)
            {
                return null;
            }

            node = node.IsSequence
                ? int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < node.Count ? node.Items[i] : null
                : node.Get(part);
        }

        return node;
    }

    /// <summary>A scalar's text; a mapping or sequence reads as "" so that <c>exists</c> sees it; YAML null is missing.</summary>
    public static string? Text(ManifestNode? node) => node switch
    {
        null => null,
        { IsMapping: true } or { IsSequence: true } => "",
        _ => node.AsString(),
    };

    /// <summary>A plain scalar's number (integers in every YAML form, decimals); NaN when the value is no number.</summary>
    public static double Number(ManifestNode? node)
    {
        if (node is null || !node.IsPlain || node.AsString() is not { } text)
        {
            return double.NaN;
        }

        if (node.AsLong() is { } n)
        {
            return n;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN;
    }
}
