namespace AutoShield.Policy.Safety;

/// <summary>What the safety controller did with an action request.</summary>
public enum VerdictKind
{
    /// <summary>Handed to the actuator, which applied it.</summary>
    Applied,
    /// <summary>Allowed, and handed to the dry-run actuator: recorded, nothing changed.</summary>
    DryRun,
    /// <summary>Stopped, with a <see cref="RefusalReason"/>.</summary>
    Refused,
    /// <summary>Waiting for a person to approve or deny it.</summary>
    PendingApproval,
    /// <summary>Allowed, but the actuator reported a failure (counted by the circuit breaker).</summary>
    Failed,
    /// <summary>A monitor-mode rule's action: not run; the safety controller would have allowed it.</summary>
    Monitored,
    /// <summary>An applied action taken back (TTL expiry, kill switch, or a person).</summary>
    Reverted,
}
