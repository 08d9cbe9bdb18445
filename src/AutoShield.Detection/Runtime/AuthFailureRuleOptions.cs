namespace AutoShield.Detection.Runtime;

/// <summary>
/// Thresholds of the per-destination refused-login rule (<see cref="AuthFailureRule"/>): BRUTE_FORCE when many HTTP
/// connections to one destination (its workload, all replicas together) and port end in 401 Unauthorized within the interval, most of its HTTP connections so.
/// </summary>
public sealed record AuthFailureRuleOptions
{
    /// <summary>How far back (event time) the per-destination counts look.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Connections ending in 401 to one destination:port within the interval at which the rule raises BRUTE_FORCE.</summary>
    public int MinRefused { get; init; } = 3;

    /// <summary>Share of the destination:port's HTTP connections in the interval that must have ended in 401.</summary>
    public double MinRefusedRatio { get; init; } = 0.5;

    /// <summary>Destination:port keys tracked at once; idle ones go first beyond it, then all.</summary>
    public int MaxDestinations { get; init; } = 10_000;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MinRefused, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(MinRefusedRatio);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinRefusedRatio, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDestinations, 1);
        if (Interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Interval), Interval, "the interval must be positive");
        }
    }
}
