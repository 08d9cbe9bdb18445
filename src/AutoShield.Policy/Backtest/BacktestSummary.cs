namespace AutoShield.Policy.Backtest;

/// <summary>Totals of a backtest: what would have run, what safety would have stopped and why, and what cooldowns suppressed.</summary>
public sealed record BacktestSummary
{
    public long Detections { get; init; }

    /// <summary>Detections no rule matched.</summary>
    public long Unmatched { get; init; }

    public required IReadOnlyDictionary<string, long> DecisionsByOutcome { get; init; }

    /// <summary>Actions safety would have allowed (all run on the dry-run actuator).</summary>
    public long WouldApply { get; init; }

    public long Refused { get; init; }

    public long Monitored { get; init; }

    public long PendingApproval { get; init; }

    /// <summary>Actions reverted by their TTL during the replayed period.</summary>
    public long Reverted { get; init; }

    public required IReadOnlyDictionary<string, long> RefusedByReason { get; init; }

    /// <summary>Actions per rule (all results).</summary>
    public required IReadOnlyDictionary<string, long> ActionsByRule { get; init; }

    public required IReadOnlyDictionary<string, long> SuppressedByRule { get; init; }
}
