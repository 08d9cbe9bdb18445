namespace AutoShield.Kubernetes.Leadership;

/// <summary>
/// The Lease and timings of leader election, as client-go names them: a leader holds the Lease for
/// <see cref="LeaseDuration"/> after its last renewal, stops acting when it could not renew within
/// <see cref="RenewDeadline"/> (shorter, so it steps down before anyone may take over), and every replica tries
/// again each <see cref="RetryPeriod"/>.
/// </summary>
public sealed record LeaderElectionOptions
{
    public string Namespace { get; init; } = "autoshield-system";

    public string LeaseName { get; init; } = "autoshield-actuator";

    /// <summary>This replica's identity (the pod name); must differ between replicas.</summary>
    public required string Identity { get; init; }

    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
