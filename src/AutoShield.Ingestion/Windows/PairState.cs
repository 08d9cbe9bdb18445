namespace AutoShield.Ingestion.Windows;

/// <summary>Running statistics of one pair, the inputs of the "so far" window features.</summary>
internal struct PairState
{
    public long TotalConnections;
    public long FailedConnections;
    public long FirstStartUnixNanos;
    public long LastStartUnixNanos;
    public long LastUpdateUnixNanos;

    /// <summary>Exponentially decayed connection count (time constant τ): approximately connections in the last τ.</summary>
    public double Rate;

    // Welford's running mean and sum of squared deviations of the inter-arrival times.
    public long Intervals;
    public double IntervalMean;
    public double IntervalM2;

    /// <summary>Ports held exactly in the pair's port block, or -1 once it is a bitmap.</summary>
    public int ExactPorts;

    public int RowCount;
}
