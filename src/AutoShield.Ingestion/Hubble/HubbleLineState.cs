using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Hubble;

/// <summary>
/// What one line said that can only be settled at its end: which form it has, both candidate times and node
/// names (the flow's win over the wrapper's), and fields that combine (event type with flow type, the two reply
/// fields, the two drop-reason fields, services that may come before or after their endpoint).
/// </summary>
internal struct HubbleLineState
{
    /// <summary>Where the reader's input starts in the line: the reader restarts after a cached object or run.</summary>
    public int ReaderOffset;

    /// <summary>The line had a <c>flow</c> object (jsonpb / exporter form).</summary>
    public bool WrappedFlow;
    /// <summary>The line had Flow fields at its top level (<c>hubble observe -o json</c> form).</summary>
    public bool BareFlow;
    /// <summary>The line had <c>node_status</c>, <c>lost_events</c> or another non-flow response.</summary>
    public bool NoFlow;

    public bool HasFlowTime;
    public long FlowTime;
    public bool HasTopTime;
    public long TopTime;
    public string? FlowNode;
    public string? TopNode;

    public int EventType;
    public int FlowType;

    public bool HasDropReasonDesc;
    public uint DropReasonCode;

    public ReplyState IsReply;
    public ReplyState DeprecatedReply;

    public string? SourceService;
    public string? DestinationService;
}
