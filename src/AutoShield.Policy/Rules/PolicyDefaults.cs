namespace AutoShield.Policy.Rules;

/// <summary>Values a rule gets when its file leaves them out (documented in docs/policies.md).</summary>
public static class PolicyDefaults
{
    public static readonly TimeSpan Cooldown = TimeSpan.FromSeconds(300);

    public static readonly TimeSpan EscalationWindow = TimeSpan.FromSeconds(600);
}
