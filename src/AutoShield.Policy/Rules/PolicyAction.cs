namespace AutoShield.Policy.Rules;

/// <summary>One <c>actions:</c> entry: an <c>action_type</c> with its parameters as text (lists joined by commas).</summary>
public sealed record PolicyAction(string ActionType, IReadOnlyDictionary<string, string> Parameters, SourceLocation Location)
{
    /// <summary>How long the action stays before it is reverted; overrides the rule's <c>ttl_seconds</c>.</summary>
    public TimeSpan? Ttl { get; init; }
}
