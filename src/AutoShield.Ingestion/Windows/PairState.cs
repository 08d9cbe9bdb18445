namespace AutoShield.Ingestion.Windows;

/// <summary>
/// Running statistics of one pair, the inputs of the "so far" window features. Kept small (72 bytes) because
/// every update reads it: ring head and row count follow from <see cref="TotalConnections"/>.
/// </summary>
internal struct PairState
{
    public long TotalConnections;
    public long FailedConnections;
    public long FirstStartUnixNanos;
    public long LastStartUnixNanos;
    public long LastUpdateUnixNanos;

    /// <summary>Exponentially decayed connection count (time constant τ): approximately connections in the last τ.</summary>
    public double Rate;

    // Welford's running mean and sum of squared deviations of the inter-arrival times; there is one interval per
    // connection after the first.
    public double IntervalMean;
    public double IntervalM2;

    /// <summary>Ports held exactly in the pair's port block, or -1 once it is a bitmap.</summary>
    public int ExactPorts;

    /// <summary>The newest connection's port, so repeats (the usual case) skip the port block.</summary>
    public ushort LastPort;

    public readonly long Intervals => TotalConnections - 1;

    public readonly int RowCount => (int)Math.Min(TotalConnections, Core.Windows.WindowShape.Rows);

    /// <summary>Ring position the next row is written to; the oldest row sits there once the ring is full.</summary>
    public readonly int Head => (int)(TotalConnections % Core.Windows.WindowShape.Rows);
}
