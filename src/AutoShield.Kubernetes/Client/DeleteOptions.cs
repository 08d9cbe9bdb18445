namespace AutoShield.Kubernetes.Client;

/// <summary>Options of a delete: dry run, preconditions on uid and resourceVersion, propagation and grace period.</summary>
public sealed record DeleteOptions
{
    public bool DryRun { get; init; }

    /// <summary>Delete only if the stored object still has this uid (else 409).</summary>
    public string? PreconditionUid { get; init; }

    /// <summary>Delete only if the stored object still has this resourceVersion (else 409).</summary>
    public string? PreconditionResourceVersion { get; init; }

    /// <summary>Orphan, Background or Foreground.</summary>
    public string? PropagationPolicy { get; init; }

    public long? GracePeriodSeconds { get; init; }
}
