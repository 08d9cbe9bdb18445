using System.Text.Json;
using System.Text.Unicode;
using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Hubble;

/// <summary>
/// Turns one line into a flow event. Accepts the jsonpb / exporter wrapper (<c>{"flow":{...},"node_name":...,
/// "time":...}</c>, optionally with our simulator's <c>autoshield</c> object) and the bare Flow object. Throws
/// <see cref="HubbleFormatException"/> or <see cref="JsonException"/> for a malformed line.
/// </summary>
internal sealed class HubbleLineParser(HubbleParseContext context)
{
    /// <summary>True with <paramref name="flowEvent"/> filled; false for a well-formed line without a flow.</summary>
    public bool Parse(ReadOnlySpan<byte> line, ref FlowEvent flowEvent)
    {
        if (!Utf8.IsValid(line))
        {
            throw new HubbleFormatException($"invalid UTF-8 at byte {InvalidUtf8Offset(line)}");
        }

        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw HubbleJson.Expected(ref reader, "line", "a JSON object");
        }

        var state = default(HubbleLineState);
        while (true)
        {
            HubbleJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var name = context.Name(ref reader);
            HubbleJson.Next(ref reader);
            ReadTopLevel(name, ref reader, line, ref flowEvent, ref state);
        }

        // Throws on anything but whitespace after the object.
        reader.Read();
        return Finish(ref flowEvent, ref state);
    }

    private void ReadTopLevel(scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ReadOnlySpan<byte> line, ref FlowEvent flowEvent, ref HubbleLineState state)
    {
        if (name.SequenceEqual("flow"u8))
        {
            if (!HubbleJson.IsObject(ref reader, "flow"))
            {
                return;
            }

            if (state.BareFlow)
            {
                // Flow-like fields beside a "flow" object are not the flow's: forget them.
                var (offset, topTime, hasTopTime, topNode, label) = (state.ReaderOffset, state.TopTime, state.HasTopTime, state.TopNode, flowEvent.Label);
                flowEvent.Reset();
                state = default;
                (state.ReaderOffset, state.TopTime, state.HasTopTime, state.TopNode, flowEvent.Label) = (offset, topTime, hasTopTime, topNode, label);
            }

            state.WrappedFlow = true;
            HubbleFlowParser.ReadObject(ref reader, line, context, ref flowEvent, ref state);
        }
        else if (name.SequenceEqual("time"u8))
        {
            state.HasTopTime = context.Time(ref reader, "time", out state.TopTime);
        }
        else if (name.SequenceEqual("node_name"u8))
        {
            state.TopNode = context.NodeName(ref reader, "node_name");
        }
        else if (name.SequenceEqual("autoshield"u8))
        {
            flowEvent.Label = ReadExtensionLabel(ref reader);
        }
        else if (IsNonFlowResponse(name))
        {
            state.NoFlow |= reader.TokenType != JsonTokenType.Null;
            reader.Skip();
        }
        else if (!state.WrappedFlow && HubbleFlowParser.ReadField(name, ref reader, line, context, ref flowEvent, ref state) != HubbleRunFields.None)
        {
            state.BareFlow = true;
        }
        else
        {
            reader.Skip();
        }
    }

    private static bool IsNonFlowResponse(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("node_status"u8) || name.SequenceEqual("lost_events"u8)
        || name.SequenceEqual("agent_event"u8) || name.SequenceEqual("debug_event"u8);

    private string? ReadExtensionLabel(ref Utf8JsonReader reader)
    {
        string? label = null;
        if (!HubbleJson.IsObject(ref reader, "autoshield"))
        {
            return label;
        }

        while (true)
        {
            HubbleJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return label;
            }

            var name = context.Name(ref reader);
            HubbleJson.Next(ref reader);
            if (name.SequenceEqual("label"u8))
            {
                label = context.String(ref reader, "autoshield.label");
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private bool Finish(ref FlowEvent flowEvent, ref HubbleLineState state)
    {
        if (!state.WrappedFlow && !state.BareFlow)
        {
            return state.NoFlow
                ? false
                : throw new HubbleFormatException(
                    "expected a \"flow\" object (or a bare Flow with verdict, IP, l4, source, ...), or node_status / lost_events");
        }

        if (state.HasFlowTime)
        {
            flowEvent.TimeUnixNanos = state.FlowTime;
        }
        else if (state.HasTopTime)
        {
            flowEvent.TimeUnixNanos = state.TopTime;
        }
        else
        {
            throw new HubbleFormatException("no time: expected flow.time or time as an RFC 3339 timestamp");
        }

        flowEvent.Origin = FlowOrigin.Hubble;
        flowEvent.NodeName = state.FlowNode ?? state.TopNode;
        flowEvent.Kind = KindOf(in state, flowEvent.Verdict);
        flowEvent.Reply = state.IsReply != ReplyState.Unknown ? state.IsReply : state.DeprecatedReply;
        if (!state.HasDropReasonDesc && state.DropReasonCode != 0)
        {
            flowEvent.DropReason = HubbleDropReasons.Name(state.DropReasonCode, context.Strings);
        }

        flowEvent.Source.ServiceName = state.SourceService;
        flowEvent.Destination.ServiceName = state.DestinationService;

        // Hubble carries no byte counts (cilium/cilium#16188); say so rather than invent them.
        flowEvent.PayloadBytes = -1;
        return true;
    }

    private static FlowEventKind KindOf(in HubbleLineState state, Verdict verdict)
    {
        if (state.FlowType == HubbleFlowType.Sock)
        {
            return FlowEventKind.Sock;
        }

        // Cilium monitor message types: 1 drop, 4 trace, 5 policy verdict, 129 L7 access log.
        switch (state.EventType)
        {
            case 1:
                return FlowEventKind.Drop;
            case 4:
                return FlowEventKind.Trace;
            case 5:
                return FlowEventKind.PolicyVerdict;
            case 129:
                return FlowEventKind.L7;
        }

        return state.FlowType switch
        {
            HubbleFlowType.L7 => FlowEventKind.L7,
            HubbleFlowType.L3L4 => verdict == Verdict.Dropped ? FlowEventKind.Drop : FlowEventKind.Trace,
            _ => FlowEventKind.Unknown,
        };
    }

    private static int InvalidUtf8Offset(ReadOnlySpan<byte> line)
    {
        var offset = 0;
        while (offset < line.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(line[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }
}
