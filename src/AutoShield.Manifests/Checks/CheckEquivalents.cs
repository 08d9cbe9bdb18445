namespace AutoShield.Manifests.Checks;

/// <summary>
/// The same check in the other tools' words, so users coming from them read our findings in their terms. Several
/// ids in one tool are comma-separated; null means the tool has no such check.
/// </summary>
public sealed record CheckEquivalents
{
    public static CheckEquivalents None { get; } = new();

    public string? KubeLinter { get; init; }

    public string? Kubesec { get; init; }

    public string? Polaris { get; init; }

    public string? KubeScore { get; init; }

    public string? Checkov { get; init; }

    public string? Trivy { get; init; }

    /// <summary>Kubescape control id (C-0057).</summary>
    public string? Kubescape { get; init; }

    /// <summary>Kubescape regolibrary rule name (rule-privilege-escalation).</summary>
    public string? KubescapeRule { get; init; }

    /// <summary>Pod Security Standards rule, level/check (baseline/privileged).</summary>
    public string? Pss { get; init; }

    /// <summary>The non-empty entries as (tool, ids) pairs, in a fixed order.</summary>
    public IEnumerable<KeyValuePair<string, string>> Entries()
    {
        (string Tool, string? Id)[] all =
        [
            ("kube-linter", KubeLinter), ("kubesec", Kubesec), ("polaris", Polaris), ("kube-score", KubeScore),
            ("checkov", Checkov), ("trivy", Trivy), ("kubescape", Kubescape), ("kubescape-rule", KubescapeRule), ("pss", Pss),
        ];
        return all.Where(e => !string.IsNullOrEmpty(e.Id)).Select(e => KeyValuePair.Create(e.Tool, e.Id!));
    }
}
