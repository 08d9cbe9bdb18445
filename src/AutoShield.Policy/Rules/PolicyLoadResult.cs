namespace AutoShield.Policy.Rules;

/// <summary>Several files loaded and merged: the policy set when every file is valid, and all errors otherwise.</summary>
public sealed record PolicyLoadResult(PolicySet? Policy, IReadOnlyList<PolicyError> Errors, IReadOnlyList<string> Files)
{
    public bool IsValid => Errors.Count == 0 && Policy is not null;
}
