namespace AutoShield.Policy.Decisions;

/// <summary>What a matching rule decided about one detection.</summary>
public enum DecisionOutcome
{
    /// <summary>Enforce mode: the actions go to the safety controller.</summary>
    Act,
    /// <summary>Monitor mode: recorded as what would have been done; nothing runs.</summary>
    Monitor,
    /// <summary>The rule already acted on this target within its cooldown; counted towards the next "N suppressed" summary.</summary>
    Suppressed,
    /// <summary>The same detection (by id) was already decided by this rule.</summary>
    Duplicate,
    /// <summary>One of the rule's exceptions matched.</summary>
    Excepted,
}
