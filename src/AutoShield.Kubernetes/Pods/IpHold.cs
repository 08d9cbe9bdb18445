namespace AutoShield.Kubernetes.Pods;

/// <summary>One pod's hold on one IP: from when, until when (null while it still holds it).</summary>
internal sealed class IpHold
{
    public IpHold(PodIdentity pod, DateTimeOffset from)
    {
        Pod = pod;
        From = from;
    }

    public PodIdentity Pod { get; set; }

    public DateTimeOffset From { get; }

    public DateTimeOffset? Until { get; set; }

    public bool Covers(DateTimeOffset at) => From <= at && (Until is null || at < Until);
}
