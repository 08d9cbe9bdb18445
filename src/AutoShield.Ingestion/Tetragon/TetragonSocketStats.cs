namespace AutoShield.Ingestion.Tetragon;

/// <summary>
/// Socket statistics of a legacy <c>process_close</c>. proto3 JSON omits zero values, so a counter absent from a
/// present <c>stats</c> object is 0.
/// </summary>
public sealed record TetragonSocketStats
{
    public long BytesSent { get; init; }

    public long BytesReceived { get; init; }

    public long SegmentsIn { get; init; }

    public long SegmentsOut { get; init; }

    /// <summary>Smoothed round-trip time as exported (kernel <c>srtt_us</c> units).</summary>
    public long Srtt { get; init; }

    public long RetransmitSegments { get; init; }

    public long SocketDrops { get; init; }
}
