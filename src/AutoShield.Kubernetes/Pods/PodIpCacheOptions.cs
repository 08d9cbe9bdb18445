namespace AutoShield.Kubernetes.Pods;

/// <summary>How long a pod's past hold on an IP still attributes flows, and how much history is kept.</summary>
public sealed record PodIpCacheOptions
{
    /// <summary>Flows seen this long after a pod released its IP (late capture, clock skew) still go to that pod, unless a new pod holds it.</summary>
    public TimeSpan ReleaseGrace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Released holds older than this are forgotten.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>At most this many holds are kept per IP (the newest).</summary>
    public int MaxHoldsPerIp { get; init; } = 8;
}
