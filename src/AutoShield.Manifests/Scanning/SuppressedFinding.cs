namespace AutoShield.Manifests.Scanning;

/// <summary>A finding that an ignore annotation or a config exemption silenced, kept with its reason for audit.</summary>
public sealed record SuppressedFinding(Finding Finding, string Mechanism, string Reason);
