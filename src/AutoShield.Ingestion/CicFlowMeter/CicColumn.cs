namespace AutoShield.Ingestion.CicFlowMeter;

/// <summary>The CICFlowMeter columns a flow event is built from; every other column is read past unvalidated.</summary>
internal enum CicColumn
{
    SourceIp,
    SourcePort,
    DestinationIp,
    DestinationPort,
    Protocol,
    Timestamp,
    FlowDuration,
    ForwardPackets,
    BackwardPackets,
    ForwardBytes,
    BackwardBytes,
    SynCount,
    AckCount,
    RstCount,
    FinCount,
    Label,
}
