namespace AutoShield.Policy.Rules;

/// <summary>Actions that replace the rule's own once the same rule has seen the same target this many times inside the escalation window (sightings at least the dedup window apart).</summary>
public sealed record EscalationStep(int AfterDetections, IReadOnlyList<PolicyAction> Actions);
