namespace AutoShield.Detection.Runtime;

/// <summary>Thresholds of the per-destination (fan-in) SYN_FLOOD rule (<see cref="FanInRule"/>).</summary>
public sealed record FanInRuleOptions
{
    /// <summary>How far back (event time) the per-destination view looks.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Destination:port keys tracked at once (least recently updated evicted beyond it).</summary>
    public int MaxDestinations { get; init; } = 100_000;

    /// <summary>Failed connections to one destination:port within the interval at which the rule itself raises SYN_FLOOD.</summary>
    public int FloodMinFailed { get; init; } = 50;

    /// <summary>Share of the destination's connections that failed for the rule to raise SYN_FLOOD.</summary>
    public double FloodMinFailedRatio { get; init; } = 0.5;

    /// <summary>
    /// The classifier's SYN_FLOOD for a window stands only when its destination:port saw at least this many failed
    /// connections within the interval, <see cref="SupportMinConnections"/> connections in all, or
    /// <see cref="SupportMinSources"/> distinct sources: one unanswered
    /// SYN is a lost packet or a dead pod, not a flood.
    /// </summary>
    public int SupportMinFailed { get; init; } = 5;

    /// <summary>Connections to the destination:port within the interval that support a full-handshake flood.</summary>
    public int SupportMinConnections { get; init; } = 50;

    /// <summary>Distinct sources of the destination:port within the interval that support a flood (a distributed one ramping up).</summary>
    public int SupportMinSources { get; init; } = 10;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(FloodMinFailed, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(SupportMinFailed, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(SupportMinConnections, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(SupportMinSources, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDestinations, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(FloodMinFailedRatio);
    }
}
