using AutoShield.Core.Flows;
using AutoShield.Core.Net;

namespace AutoShield.Ingestion.Hubble;

/// <summary>
/// What a stretch of stable Flow properties (verdict, addresses, endpoints, type, node, direction, ...) set, so the
/// same bytes on a later line can be applied without reading them again.
/// </summary>
internal struct HubbleRun
{
    public HubbleRunFields Fields;
    public Verdict Verdict;
    public uint DropReasonCode;
    public string? DropReason;
    public IpAddr SourceIp;
    public IpAddr DestinationIp;
    public FlowEndpoint Source;
    public FlowEndpoint Destination;
    public int FlowType;
    public string? NodeName;
    public ReplyState DeprecatedReply;
    public int EventType;
    public string? SourceService;
    public string? DestinationService;
    public TrafficDirection Direction;
    public ObservationPoint ObservationPoint;
    public ReplyState IsReply;

    /// <summary>Takes the values of <paramref name="fields"/> as the line's parse left them.</summary>
    public static HubbleRun Capture(HubbleRunFields fields, in FlowEvent flowEvent, in HubbleLineState state) => new()
    {
        Fields = fields,
        Verdict = flowEvent.Verdict,
        DropReasonCode = state.DropReasonCode,
        DropReason = flowEvent.DropReason,
        SourceIp = flowEvent.SourceIp,
        DestinationIp = flowEvent.DestinationIp,
        Source = flowEvent.Source,
        Destination = flowEvent.Destination,
        FlowType = state.FlowType,
        NodeName = state.FlowNode,
        DeprecatedReply = state.DeprecatedReply,
        EventType = state.EventType,
        SourceService = state.SourceService,
        DestinationService = state.DestinationService,
        Direction = flowEvent.Direction,
        ObservationPoint = flowEvent.ObservationPoint,
        IsReply = state.IsReply,
    };

    /// <summary>Sets exactly the fields this run set when it was read.</summary>
    public readonly void ApplyTo(ref FlowEvent flowEvent, ref HubbleLineState state)
    {
        var fields = Fields;
        if ((fields & HubbleRunFields.Verdict) != 0)
        {
            flowEvent.Verdict = Verdict;
        }

        if ((fields & HubbleRunFields.DropReasonCode) != 0)
        {
            state.DropReasonCode = DropReasonCode;
        }

        if ((fields & HubbleRunFields.DropReasonDesc) != 0)
        {
            flowEvent.DropReason = DropReason;
            state.HasDropReasonDesc = true;
        }

        if ((fields & HubbleRunFields.Addresses) != 0)
        {
            flowEvent.SourceIp = SourceIp;
            flowEvent.DestinationIp = DestinationIp;
        }

        if ((fields & HubbleRunFields.Source) != 0)
        {
            flowEvent.Source = Source;
        }

        if ((fields & HubbleRunFields.Destination) != 0)
        {
            flowEvent.Destination = Destination;
        }

        if ((fields & HubbleRunFields.FlowType) != 0)
        {
            state.FlowType = FlowType;
        }

        if ((fields & HubbleRunFields.NodeName) != 0)
        {
            state.FlowNode = NodeName;
        }

        if ((fields & HubbleRunFields.DeprecatedReply) != 0)
        {
            state.DeprecatedReply = DeprecatedReply;
        }

        if ((fields & HubbleRunFields.EventType) != 0)
        {
            state.EventType = EventType;
        }

        if ((fields & HubbleRunFields.SourceService) != 0)
        {
            state.SourceService = SourceService;
        }

        if ((fields & HubbleRunFields.DestinationService) != 0)
        {
            state.DestinationService = DestinationService;
        }

        if ((fields & HubbleRunFields.Direction) != 0)
        {
            flowEvent.Direction = Direction;
        }

        if ((fields & HubbleRunFields.ObservationPoint) != 0)
        {
            flowEvent.ObservationPoint = ObservationPoint;
        }

        if ((fields & HubbleRunFields.IsReply) != 0)
        {
            state.IsReply = IsReply;
        }
    }
}
