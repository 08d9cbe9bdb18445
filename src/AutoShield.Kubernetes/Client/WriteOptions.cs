namespace AutoShield.Kubernetes.Client;

/// <summary>Options of create, replace and patch: server-side dry run (<c>dryRun=All</c>) and the field manager.</summary>
public sealed record WriteOptions(bool DryRun = false, string? FieldManager = null);
