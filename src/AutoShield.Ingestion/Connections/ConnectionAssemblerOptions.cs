namespace AutoShield.Ingestion.Connections;

/// <summary>Timeouts and bounds of a <see cref="ConnectionAssembler"/>, all in event time.</summary>
public sealed record ConnectionAssemblerOptions
{
    /// <summary>A TCP connection with no event for this long is closed (End = Idle).</summary>
    public TimeSpan TcpIdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Idle timeout of UDP, ICMP and other connectionless exchanges.</summary>
    public TimeSpan OtherIdleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// After FIN from both sides or a RST, the connection stays open this long after its last event to absorb late
    /// duplicate reports (the same packet seen at another observation point) before it is emitted.
    /// </summary>
    public TimeSpan CloseLinger { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Most connections held open; one more closes the least recently active early (counted as evicted).</summary>
    public int MaxOpenConnections { get; init; } = 1_000_000;

    /// <summary>Connections preallocated up front; storage doubles from here up to <see cref="MaxOpenConnections"/>.</summary>
    public int InitialCapacity { get; init; } = 4096;
}
