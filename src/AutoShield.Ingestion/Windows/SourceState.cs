namespace AutoShield.Ingestion.Windows;

/// <summary>Sliding-horizon counters of one source; its sets live in the store's per-source block.</summary>
internal struct SourceState
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

    public int DestinationsUsed;
    public int PortsUsed;

    /// <summary>Sub-interval in which an exact set last overflowed; the estimate is used while it is in view.</summary>
    public long DestinationsOverflowEpoch;
    public long PortsOverflowEpoch;
}
