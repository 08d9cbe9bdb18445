namespace AutoShield.Detection.Runtime;

/// <summary>
/// What the runtime rules read about a window beside its matrix: whether the destination lies outside the cluster,
/// its port, how many connections the pair has had, and the per-source fan-out rule's verdict when the window
/// arrived (that state is gone once the stream moves on, so datasets keep it for evaluation).
/// </summary>
public readonly record struct WindowTraits(
    bool DestinationExternal,
    ushort DestinationPort,
    long PairConnections,
    string? FanOutClass,
    float FanOutConfidence)
{
    /// <summary>True when the pair's connections so far all fit in the window, so its oldest row is the pair's first.</summary>
    public bool StartsWithFirstConnection(int rowCount) => PairConnections <= rowCount;
}
