using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Connections;

/// <summary>One direction of an open connection: who the side is, where its packets are counted, what they carried.</summary>
internal struct SideState
{
    public FlowEndpoint Endpoint;

    // The observation point whose reports are counted for this direction (node + point + kind).
    public string? ObserverNode;
    public ObservationPoint ObserverPoint;
    public FlowEventKind ObserverKind;

    public SideFacts Facts;
    public int Packets;
    public int Syn;
    public int Ack;
    public int Rst;
    public int Fin;
    public long PayloadBytes;

    /// <summary>Bytes and segments this side sent according to a Tetragon socket close; -1 when none.</summary>
    public long SocketBytes;
    public long SocketPackets;

    public readonly bool Has(SideFacts facts) => (Facts & facts) != 0;
}
