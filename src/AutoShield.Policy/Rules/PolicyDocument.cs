namespace AutoShield.Policy.Rules;

/// <summary>The rules of one policy file, in file order.</summary>
public sealed record PolicyDocument(string File, IReadOnlyList<PolicyRule> Rules);
