namespace AutoShield.Manifests.Scanning;

/// <summary>
/// A config-file exemption: these checks (or "*") do not apply to objects matching every given field. Name and
/// source accept a trailing <c>*</c>. A reason is required, so every silenced finding says why.
/// </summary>
public sealed record ScanExemption(IReadOnlyList<string> Checks, string Reason)
{
    public string? Kind { get; init; }

    public string? Namespace { get; init; }

    public string? Name { get; init; }

    public string? Container { get; init; }

    public string? Source { get; init; }

    public bool Matches(Finding finding)
    {
        return (Checks.Contains("*") || Checks.Contains(finding.CheckId))
            && Same(Kind, finding.Object.Kind)
            && Same(Namespace, finding.Object.Namespace)
            && Same(Name, finding.Object.Name)
            && (Container is null || Same(Container, finding.Container))
            && Same(Source, finding.Source);
    }

    private static bool Same(string? pattern, string? value)
    {
        if (pattern is null)
        {
            return true;
        }

        if (value is null)
        {
            return false;
        }

        return pattern.EndsWith('*')
            ? value.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : string.Equals(pattern, value, StringComparison.Ordinal);
    }
}
