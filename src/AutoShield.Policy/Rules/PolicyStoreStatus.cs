namespace AutoShield.Policy.Rules;

/// <summary>
/// Where the policy store stands, for metrics and the API: the version in force, when it loaded, and the last
/// reload error (file:line:column) when a change was rejected and the last good policy kept.
/// </summary>
public sealed record PolicyStoreStatus
{
    public const string ReloadsMetric = "autoshield_policy_reloads_total";
    public const string RulesMetric = "autoshield_policy_rules";
    public const string LastReloadOkMetric = "autoshield_policy_last_reload_success";

    public required string Version { get; init; }

    public DateTimeOffset? LoadedAt { get; init; }

    public int Rules { get; init; }

    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>Errors of the last rejected reload; empty once a reload succeeds.</summary>
    public IReadOnlyList<PolicyError> LastErrors { get; init; } = [];

    public DateTimeOffset? LastErrorAt { get; init; }

    /// <summary><see cref="ReloadsMetric"/>{result="success"}.</summary>
    public long Reloads { get; init; }

    /// <summary><see cref="ReloadsMetric"/>{result="failure"}.</summary>
    public long ReloadFailures { get; init; }

    public bool LastReloadSucceeded => LastErrors.Count == 0;
}
