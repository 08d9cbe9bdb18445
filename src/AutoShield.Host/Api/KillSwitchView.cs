namespace AutoShield.Host.Api;

/// <summary>The kill switch as the API shows it; <see cref="Reverted"/> counts actions taken back by the same request.</summary>
public sealed record KillSwitchView(bool Engaged, string? Reason, int Reverted = 0);
