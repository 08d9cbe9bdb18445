namespace AutoShield.Detection.Runtime;

/// <summary>
/// What the runtime rules read about a window beside its matrix: whether the destination lies outside the cluster,
/// its port, how many connections the pair has had, and the per-source fan-out rule's verdict when the window
/// arrived, the per-destination (fan-in) counts behind the SYN_FLOOD rule and gate, and the refused-login rule's verdict (that state is gone once the
/// stream moves on, so datasets keep it for evaluation).
/// </summary>
public readonly record struct WindowTraits(
    bool DestinationExternal,
    ushort DestinationPort,
    long PairConnections,
    string? FanOutClass,
    float FanOutConfidence)
{
    /// <summary>The responder answered the newest connection: a reply seen, or a DNS response code of any kind.</summary>
    public bool Answered { get; init; }

    /// <summary>The fan-in fields below were taken (false for traits made without the per-destination rule).</summary>
    public bool FanInKnown { get; init; }

    /// <summary>The destination:port's traffic over the fan-in interval can carry a flood (<see cref="FanInRuleOptions"/>).</summary>
    public bool FloodSupported { get; init; }

    /// <summary>The per-destination rule's own class for this connection (SYN_FLOOD), or null.</summary>
    public string? FanInClass { get; init; }

    public float FanInConfidence { get; init; }

    /// <summary>The DNS-name rule's class for the newest connection's query name (DATA_EXFILTRATION), or null.</summary>
    public string? DnsClass { get; init; }

    public float DnsConfidence { get; init; }

    /// <summary>The refused-login rule's class for this connection's destination (BRUTE_FORCE), or null.</summary>
    public string? AuthFailureClass { get; init; }

    public float AuthFailureConfidence { get; init; }

    /// <summary>The source's fan-out counts below were taken (false for traits made without the fan-out view).</summary>
    public bool SourceFailuresKnown { get; init; }

    /// <summary>Failed connections of the source over the fan-out interval, this window's newest included.</summary>
    public int SourceFailedConnections { get; init; }

    /// <summary>True when the pair's connections so far all fit in the window, so its oldest row is the pair's first.</summary>
    public bool StartsWithFirstConnection(int rowCount) => PairConnections <= rowCount;
}
