namespace AutoShield.Host.Api;

/// <summary>Body of approve and deny: who decides, and why.</summary>
public sealed record DecisionBody(string? By, string? Reason);
