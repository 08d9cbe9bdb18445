namespace AutoShield.Policy.Rules;

/// <summary>A rule's severity; each has its own action budget, so low-severity noise never spends what a critical attack needs.</summary>
public enum Severity
{
    Low,
    Medium,
    High,
    Critical,
}
