namespace AutoShield.Detection.Runtime;

/// <summary>
/// Thresholds of the DNS-name rule (<see cref="DnsNameRule"/>): data tunnelled through DNS is encoded into query
/// names, which makes long, random-looking labels and many distinct names under one parent domain.
/// </summary>
public sealed record DnsNameRuleOptions
{
    /// <summary>
    /// A run of label characters between dots and hyphens at least this long (a label holds 63 at most) carries encoded
    /// data when it is also random enough.
    /// </summary>
    public int MinEncodedRunLength { get; init; } = 30;

    /// <summary>
    /// Least Shannon entropy, in bits per character, of that run: base32/base64 chunks reach 4.3 bits and more at
    /// 30+ characters; hex hashes (at most 4) and words stay below.
    /// </summary>
    public double MinEncodedRunEntropy { get; init; } = 4.1;

    /// <summary>Distinct query names one source asks under one parent domain within <see cref="Interval"/> that read as a tunnel whatever the labels.</summary>
    public int MinDistinctNames { get; init; } = 40;

    /// <summary>How long distinct names are counted per source and parent domain (a tumbling span from the first name).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Source and parent-domain pairs tracked at once; the least recently updated is replaced beyond it.</summary>
    public int MaxParents { get; init; } = 4_096;

    /// <summary>The cluster's own DNS domain: names under it are services and search-path expansions, never counted as a parent.</summary>
    public string ClusterDomain { get; init; } = "cluster.local";

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MinEncodedRunLength, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(MinEncodedRunEntropy);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinDistinctNames, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinDistinctNames, DnsParentStore.MaxCounted);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxParents, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(ClusterDomain);
    }
}
