namespace AutoShield.Host.Api;

/// <summary>Body of POST /api/kill-switch.</summary>
public sealed record KillSwitchBody(bool? Engaged, string? Reason, bool? RevertAll, string? By);
