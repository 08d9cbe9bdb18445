using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Connections;

/// <summary>
/// An open connection while the assembler builds it. Sides are kept in canonical order (Low, High as in
/// <see cref="ConnectionKey"/>); which one initiated is decided by the strongest evidence seen so far.
/// </summary>
internal struct ConnectionState
{
    public SideState Low;
    public SideState High;

    public long StartUnixNanos;
    public long LastUnixNanos;
    public string? NodeName;
    public string? DropReason;
    public string? Label;
    public int HttpStatus;
    public int DnsRcode;
    public string? DnsQuery;
    public int DnsQueryLongestLabel;
    public FlowOrigin Origin;
    public ConnectionFacts Facts;
    public bool Dropped;

    public bool InitiatorIsHigh;

    /// <summary>Strength of the initiator decision, see <see cref="InitiatorEvidence"/>.</summary>
    public InitiatorEvidence InitiatorEvidence;

    /// <summary>FIN from both sides or RST seen: the connection lingers, then is emitted with <see cref="End"/>.</summary>
    public bool Closing;
    public ConnectionEnd End;

    /// <summary>Which timeout list holds the connection.</summary>
    public ConnectionList List;

    public readonly bool Has(ConnectionFacts facts) => (Facts & facts) != 0;
}
