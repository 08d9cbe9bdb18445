namespace AutoShield.Policy.Rules;

/// <summary>Actions that replace the rule's own once the same rule has matched the same target this many times inside the escalation window.</summary>
public sealed record EscalationStep(int AfterDetections, IReadOnlyList<PolicyAction> Actions);
