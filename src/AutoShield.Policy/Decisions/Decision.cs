using AutoShield.Core.Actions;
using AutoShield.Policy.Rules;

namespace AutoShield.Policy.Decisions;

/// <summary>
/// One rule's decision about one detection: what it asks for (the actions of its escalation level) or why it asks
/// for nothing, and how many decisions on the same rule and target were suppressed since it last acted.
/// </summary>
public sealed record Decision
{
    public required DateTimeOffset Time { get; init; }

    public required string Rule { get; init; }

    public required Severity Severity { get; init; }

    public required string DetectionId { get; init; }

    /// <summary>The class the rule matched on: the detection's, or CUSTOM_ATTACK when a custom rule raised it.</summary>
    public required string AttackClass { get; init; }

    public required double Confidence { get; init; }

    public required ActionTarget Target { get; init; }

    public required DecisionOutcome Outcome { get; init; }

    /// <summary>Escalation level: 0 for the rule's own actions, n for its n-th escalation step.</summary>
    public int Level { get; init; }

    /// <summary>Detections of this rule on this target inside the escalation window, this one included.</summary>
    public int Persistence { get; init; }

    public IReadOnlyList<ActionRequest> Actions { get; init; } = [];

    /// <summary>Decisions suppressed by the cooldown on this rule and target since it last acted ("N suppressed").</summary>
    public int SuppressedSinceLast { get; init; }

    public string Reason { get; init; } = string.Empty;
}
