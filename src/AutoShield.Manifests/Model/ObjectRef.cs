namespace AutoShield.Manifests.Model;

/// <summary>
/// Which object a finding is about, as <c>Kind/namespace/name</c>. Detections name workloads the same way, which is
/// how a detection on a pod finds the findings of its manifest. An unset namespace is empty (the namespace the
/// manifest will be applied to).
/// </summary>
public readonly record struct ObjectRef(string Kind, string Namespace, string Name)
{
    public override string ToString() => $"{Kind}/{Namespace}/{Name}";

    /// <summary>Parses <c>Kind/namespace/name</c> (or <c>Kind/name</c> for cluster-scoped or unset namespaces).</summary>
    public static bool TryParse(string text, out ObjectRef value)
    {
        var parts = text.Split('/');
        value = parts.Length switch
        {
            3 => new ObjectRef(parts[0], parts[1], parts[2]),
            2 => new ObjectRef(parts[0], "", parts[1]),
            _ => default,
        };
        return parts.Length is 2 or 3 && parts[0].Length > 0 && parts[^1].Length > 0;
    }
}
