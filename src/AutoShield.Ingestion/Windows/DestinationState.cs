namespace AutoShield.Ingestion.Windows;

/// <summary>Sliding-horizon counters of one destination:port; its source set lives in the store's per-destination block.</summary>
internal struct DestinationState
{
    public long FirstSeenUnixNanos;
    public long LastSeenUnixNanos;
    public long TotalConnections;

    /// <summary>Sub-interval of the first connection; exact-set stamps are relative to it so they fit 32 bits.</summary>
    public long BaseEpoch;

    /// <summary>Newest sub-interval seen; the view covers <c>Epoch - Buckets + 1 .. Epoch</c>.</summary>
    public long Epoch;

    public BucketCounts Connections;
    public BucketCounts Failed;
    public BucketCounts Unanswered;

    public int SourcesUsed;

    /// <summary>Sub-interval in which the exact source set last overflowed; the estimate is used while it is in view.</summary>
    public long SourcesOverflowEpoch;
}
