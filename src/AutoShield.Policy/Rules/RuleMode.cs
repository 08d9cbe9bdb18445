namespace AutoShield.Policy.Rules;

/// <summary>Enforce hands actions to the safety controller; monitor records what would have been done and does nothing.</summary>
public enum RuleMode
{
    Enforce,
    Monitor,
}
