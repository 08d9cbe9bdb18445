namespace AutoShield.Kubernetes.Client.Errors;

/// <summary>One entry of a Status's details.causes: which field, and why.</summary>
public sealed record StatusCause(string? Reason, string? Message, string? Field);
