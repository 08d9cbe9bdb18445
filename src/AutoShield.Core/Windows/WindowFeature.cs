namespace AutoShield.Core.Windows;

/// <summary>The 12 per-connection features of a window row (seed 004, DESIGN.md), in column order.</summary>
public enum WindowFeature
{
    /// <summary>Connections per second of the pair at this row (exponentially decayed count, time constant 1 s).</summary>
    ConnectionRate = 0,
    /// <summary>Bytes the initiator sent on this connection; NaN when the source has no byte counts.</summary>
    BytesSent = 1,
    /// <summary>Bytes the initiator received on this connection; NaN when the source has no byte counts.</summary>
    BytesReceived = 2,
    SynCount = 3,
    AckCount = 4,
    RstCount = 5,
    FinCount = 6,
    /// <summary>Connection duration, seconds.</summary>
    Duration = 7,
    /// <summary>Seconds since the previous connection of the pair started (0 for the first).</summary>
    InterArrival = 8,
    /// <summary>Standard deviation of the pair's inter-arrival times so far, seconds.</summary>
    InterArrivalSpread = 9,
    /// <summary>Share of the pair's connections so far that failed.</summary>
    FailedRatio = 10,
    /// <summary>Distinct destination ports of the pair so far.</summary>
    DistinctPorts = 11,
}

/// <summary>Names and shape of the window matrix.</summary>
public static class WindowShape
{
    public const int Rows = 20;
    public const int Features = 12;
    public const int Cells = Rows * Features;

    /// <summary>The names policies use (<c>features.bytes_sent</c>), in column order.</summary>
    public static readonly IReadOnlyList<string> FeatureNames =
    [
        "connection_rate",
        "bytes_sent",
        "bytes_received",
        "syn_count",
        "ack_count",
        "rst_count",
        "fin_count",
        "duration",
        "inter_arrival",
        "inter_arrival_std",
        "failed_conn_ratio",
        "unique_dst_ports",
    ];
}
