namespace AutoShield.Policy.Decisions;

/// <summary>Settings of the policy engine.</summary>
public sealed record DecisionOptions
{
    /// <summary>Zone of <c>time.hour</c> and <c>time.weekday</c>; UTC by default.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Shortest gap between two actions of one rule on one target, even with <c>cooldown_seconds: 0</c>.</summary>
    public TimeSpan DedupWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Rule-and-target states kept; the least recently used is dropped beyond this.</summary>
    public int MaxTrackedTargets { get; init; } = 100_000;

    /// <summary>Detection ids remembered to recognise a detection delivered twice.</summary>
    public int RecentDetectionIds { get; init; } = 10_000;
}
