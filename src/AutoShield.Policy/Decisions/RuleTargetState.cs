namespace AutoShield.Policy.Decisions;

/// <summary>What the engine remembers per rule and target: when and at which level it last acted, what it suppressed since, and recent match times for escalation.</summary>
internal sealed class RuleTargetState
{
    public DateTimeOffset? LastActed { get; set; }

    public int LastLevel { get; set; } = -1;

    public int Suppressed { get; set; }

    /// <summary>The last match counted as a sighting (at least the dedup window after the one before).</summary>
    public DateTimeOffset? LastSighting { get; set; }

    /// <summary>Match times inside the escalation window, oldest first; bounded by the highest step's count.</summary>
    public Queue<DateTimeOffset> Recent { get; } = new();
}
