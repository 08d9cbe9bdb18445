namespace AutoShield.Policy.Rules;

/// <summary>One file parsed: its rules when it is valid, and every error found (the parser carries on after each).</summary>
public sealed record PolicyFileResult(PolicyDocument? Document, IReadOnlyList<PolicyError> Errors);
