using AutoShield.Policy.Conditions;

namespace AutoShield.Policy.Rules;

/// <summary>
/// One rule of a policy file (seed 004's <c>rules:</c> entry or a <c>policies:</c> entry): which detections it
/// matches, and what it asks the safety controller to do about them.
/// </summary>
public sealed record PolicyRule
{
    public required string Name { get; init; }

    /// <summary>The class the rule matches. A rule for <c>CUSTOM_ATTACK</c> also runs on detections of every other class and raises CUSTOM_ATTACK when its condition holds.</summary>
    public required string AttackClass { get; init; }

    public Severity Severity { get; init; } = Severity.Medium;

    /// <summary>Lowest detection confidence the rule acts on (0 when the file gives none).</summary>
    public double ConfidenceThreshold { get; init; }

    public TimeSpan Cooldown { get; init; } = PolicyDefaults.Cooldown;

    public CompiledCondition<PolicyContext>? Condition { get; init; }

    /// <summary>Conditions that, when any holds, keep the rule from acting (recorded as an exception, not silently).</summary>
    public IReadOnlyList<CompiledCondition<PolicyContext>> Exceptions { get; init; } = [];

    public required IReadOnlyList<PolicyAction> Actions { get; init; }

    public IReadOnlyList<EscalationStep> Escalation { get; init; } = [];

    public TimeSpan EscalationWindow { get; init; } = PolicyDefaults.EscalationWindow;

    public RuleMode Mode { get; init; } = RuleMode.Enforce;

    public TargetSide Target { get; init; } = TargetSide.Auto;

    public TimeSpan? Ttl { get; init; }

    public bool Enabled { get; init; } = true;

    public string Description { get; init; } = string.Empty;

    public required SourceLocation Location { get; init; }

    /// <summary>The actions of escalation level <paramref name="level"/> (0 is the rule's own actions).</summary>
    public IReadOnlyList<PolicyAction> ActionsAt(int level) => level == 0 ? Actions : Escalation[level - 1].Actions;
}
