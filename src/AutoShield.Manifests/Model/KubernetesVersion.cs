using System.Globalization;

namespace AutoShield.Manifests.Model;

/// <summary>A Kubernetes minor version (1.N), which version-gated rules (PSS, API removals) are evaluated against.</summary>
public readonly record struct KubernetesVersion(int Major, int Minor) : IComparable<KubernetesVersion>
{
    /// <summary>The newest minor whose rules this scanner knows; what "latest" means.</summary>
    public static KubernetesVersion Latest { get; } = new(1, 35);

    public static bool operator <(KubernetesVersion a, KubernetesVersion b) => a.CompareTo(b) < 0;

    public static bool operator >(KubernetesVersion a, KubernetesVersion b) => a.CompareTo(b) > 0;

    public static bool operator <=(KubernetesVersion a, KubernetesVersion b) => a.CompareTo(b) <= 0;

    public static bool operator >=(KubernetesVersion a, KubernetesVersion b) => a.CompareTo(b) >= 0;

    public bool AtLeast(int major, int minor) => this >= new KubernetesVersion(major, minor);

    public int CompareTo(KubernetesVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    /// <summary>Accepts <c>1.30</c>, <c>v1.30</c>, <c>1.30.2</c> and <c>latest</c>.</summary>
    public static bool TryParse(string? text, out KubernetesVersion version)
    {
        version = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim();
        if (t.Equals("latest", StringComparison.OrdinalIgnoreCase))
        {
            version = Latest;
            return true;
        }

        if (t.StartsWith('v') || t.StartsWith('V'))
        {
            t = t[1..];
        }

        var parts = t.Split('.');
        if (parts.Length < 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        version = new KubernetesVersion(major, minor);
        return true;
    }

    public override string ToString() => $"{Major}.{Minor}";
}
