namespace AutoShield.Core.Flows;

/// <summary>
/// Counters carried by summary records (a CICFlowMeter row, a Tetragon close with socket statistics). A value of
/// -1 means the source does not carry it; such values are never invented downstream.
/// </summary>
public struct ConnectionCounts
{
    public long DurationNanos;
    public long ForwardBytes;
    public long BackwardBytes;
    public long ForwardPackets;
    public long BackwardPackets;
    public int SynCount;
    public int AckCount;
    public int RstCount;
    public int FinCount;

    public static ConnectionCounts Missing => new()
    {
        DurationNanos = -1,
        ForwardBytes = -1,
        BackwardBytes = -1,
        ForwardPackets = -1,
        BackwardPackets = -1,
        SynCount = -1,
        AckCount = -1,
        RstCount = -1,
        FinCount = -1,
    };
}
