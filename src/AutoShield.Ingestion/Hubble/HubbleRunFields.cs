namespace AutoShield.Ingestion.Hubble;

/// <summary>The Flow fields that a stretch of properties (a <see cref="HubbleRun"/>) set.</summary>
[Flags]
internal enum HubbleRunFields
{
    None = 0,
    Verdict = 1 << 0,
    DropReasonCode = 1 << 1,
    DropReasonDesc = 1 << 2,
    Addresses = 1 << 3,
    Source = 1 << 4,
    Destination = 1 << 5,
    FlowType = 1 << 6,
    NodeName = 1 << 7,
    DeprecatedReply = 1 << 8,
    EventType = 1 << 9,
    SourceService = 1 << 10,
    DestinationService = 1 << 11,
    Direction = 1 << 12,
    ObservationPoint = 1 << 13,
    IsReply = 1 << 14,

    /// <summary>A field this reader reads that is not part of runs (time, l4, l7), or that it ignores.</summary>
    Other = 1 << 30,
}
