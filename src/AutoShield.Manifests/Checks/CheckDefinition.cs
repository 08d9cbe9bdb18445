using System.Text.RegularExpressions;

namespace AutoShield.Manifests.Checks;

/// <summary>Everything a check says about itself: id, severity, docs text, the kinds it reads, and its equivalents.</summary>
public sealed partial record CheckDefinition
{
    /// <summary>Stable id used in findings, ignore annotations and config (never renamed once released).</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required Severity Severity { get; init; }

    /// <summary>Feature area: security-context, host, resources, probes, images, service-accounts, secrets, ...</summary>
    public required string Category { get; init; }

    public required string Description { get; init; }

    public required string Remediation { get; init; }

    /// <summary>The kinds evaluated (<see cref="CheckKinds"/>).</summary>
    public required IReadOnlyList<string> Kinds { get; init; }

    /// <summary>Where to read more (the Kubernetes documentation of the setting).</summary>
    public required string Url { get; init; }

    public CheckEquivalents Equivalents { get; init; } = CheckEquivalents.None;

    /// <summary>Off-by-default checks run only when enabled by id in the options or config file.</summary>
    public bool EnabledByDefault { get; init; } = true;

    public CheckProfile Profile { get; init; } = CheckProfile.Default;

    /// <summary>The problems with this definition, empty when it is complete (checked when a registry is built).</summary>
    public IEnumerable<string> Validate()
    {
        if (!IdPattern().IsMatch(Id))
        {
            yield return $"id \"{Id}\" must be letters, digits, dots and dashes";
        }

        if (string.IsNullOrWhiteSpace(Title) || string.IsNullOrWhiteSpace(Description) || string.IsNullOrWhiteSpace(Remediation))
        {
            yield return $"{Id}: title, description and remediation are required";
        }

        if (Kinds.Count == 0)
        {
            yield return $"{Id}: at least one kind is required";
        }

        if (!Uri.TryCreate(Url, UriKind.Absolute, out _))
        {
            yield return $"{Id}: url \"{Url}\" is not an absolute URL";
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9._-]*$")]
    private static partial Regex IdPattern();
}
