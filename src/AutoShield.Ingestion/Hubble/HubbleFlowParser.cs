using System.Text.Json;
using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Hubble;

/// <summary>Reads the fields of a flow.proto <c>Flow</c> object into a <see cref="FlowEvent"/>.</summary>
internal static class HubbleFlowParser
{
    /// <summary>
    /// Reads the <c>flow</c> object the reader is on, up to and including its closing brace. Stretches of stable
    /// properties between volatile ones are remembered as runs; a run seen before is applied from the cache and the
    /// reader restarted after it (see <see cref="HubbleRunBoundaries"/>).
    /// </summary>
    public static void ReadObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, HubbleParseContext context, ref FlowEvent flowEvent, ref HubbleLineState state)
    {
        // A run starts after a value, never right after the opening brace: a restarted reader resumes in the state
        // "after a value", which the run's bytes then continue.
        var afterValue = false;
        var tryRun = true;
        var runStart = -1;
        var runFields = HubbleRunFields.None;
        while (true)
        {
            var boundary = state.ReaderOffset + (int)reader.BytesConsumed;
            if (afterValue && tryRun && runStart < 0 && HubbleRuns.TryApply(ref reader, line, boundary, context, ref flowEvent, ref state))
            {
                tryRun = false;
                continue;
            }

            HubbleJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                HubbleRuns.Record(line, runStart, boundary, runFields, context, in flowEvent, in state);
                return;
            }

            var name = context.Name(ref reader);
            if (HubbleRunBoundaries.IsVolatile(name))
            {
                HubbleRuns.Record(line, runStart, boundary, runFields, context, in flowEvent, in state);
                runStart = -1;
                tryRun = true;
            }
            else if (runStart < 0 && afterValue)
            {
                runStart = boundary;
                runFields = HubbleRunFields.None;
            }

            HubbleJson.Next(ref reader);
            afterValue = true;
            if (name.SequenceEqual("time"u8))
            {
                state.HasFlowTime = context.Time(ref reader, "flow.time", out state.FlowTime);
                continue;
            }

            var field = ReadField(name, ref reader, line, context, ref flowEvent, ref state);
            if (field == HubbleRunFields.None)
            {
                reader.Skip();
            }

            runFields |= field;
        }
    }

    /// <summary>
    /// Reads one Flow field other than <c>time</c>, whose value the reader is on, and says which it was;
    /// <see cref="HubbleRunFields.None"/> (with nothing read) for a field this reader does not use.
    /// </summary>
    public static HubbleRunFields ReadField(scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ReadOnlySpan<byte> line, HubbleParseContext context, ref FlowEvent flowEvent, ref HubbleLineState state)
    {
        switch (name.Length)
        {
            case 2 when name.SequenceEqual("IP"u8):
                (flowEvent.SourceIp, flowEvent.DestinationIp) =
                    HubbleCachedObject.Read<HubbleAddresses, HubbleIpParser>(ref reader, line, context, context.Addresses, ref state, "flow.IP");
                return HubbleRunFields.Addresses;
            case 2 when name.SequenceEqual("l4"u8):
                HubbleL4Parser.Read(ref reader, context, ref flowEvent);
                return HubbleRunFields.Other;
            case 2 when name.SequenceEqual("l7"u8):
                HubbleL7Parser.Read(ref reader, context, ref flowEvent.L7);
                return HubbleRunFields.Other;
            case 4 when name.SequenceEqual("Type"u8):
                state.FlowType = HubbleEnums.FlowType(ref reader, context);
                return HubbleRunFields.FlowType;
            case 5 when name.SequenceEqual("reply"u8):
                // The deprecated bool cannot tell false from unset, so only true carries information.
                state.DeprecatedReply = HubbleJson.Bool(ref reader, "flow.reply") == true ? ReplyState.Reply : ReplyState.Unknown;
                return HubbleRunFields.DeprecatedReply;
            case 6 when name.SequenceEqual("source"u8):
                flowEvent.Source =
                    HubbleCachedObject.Read<FlowEndpoint, HubbleEndpointParser>(ref reader, line, context, context.Endpoints, ref state, "flow.source");
                return HubbleRunFields.Source;
            case 7 when name.SequenceEqual("verdict"u8):
                flowEvent.Verdict = HubbleEnums.Verdict(ref reader, context);
                return HubbleRunFields.Verdict;
            case 8 when name.SequenceEqual("is_reply"u8):
                state.IsReply = ToReply(HubbleJson.Bool(ref reader, "flow.is_reply"));
                return HubbleRunFields.IsReply;
            case 10 when name.SequenceEqual("event_type"u8):
                ReadEventType(ref reader, context, ref state);
                return HubbleRunFields.EventType;
            case 11 when name.SequenceEqual("destination"u8):
                flowEvent.Destination =
                    HubbleCachedObject.Read<FlowEndpoint, HubbleEndpointParser>(ref reader, line, context, context.Endpoints, ref state, "flow.destination");
                return HubbleRunFields.Destination;
            case 11 when name.SequenceEqual("drop_reason"u8):
                state.DropReasonCode = HubbleJson.UInt32(ref reader, "flow.drop_reason");
                return HubbleRunFields.DropReasonCode;
            case 14 when name.SequenceEqual("source_service"u8):
                state.SourceService = ReadServiceName(ref reader, context, "flow.source_service");
                return HubbleRunFields.SourceService;
            case 16 when name.SequenceEqual("drop_reason_desc"u8):
                state.HasDropReasonDesc = true;
                flowEvent.DropReason = ReadDropReason(ref reader, context);
                return HubbleRunFields.DropReasonDesc;
            case 17 when name.SequenceEqual("traffic_direction"u8):
                flowEvent.Direction = HubbleEnums.Direction(ref reader, context);
                return HubbleRunFields.Direction;
            case 19 when name.SequenceEqual("destination_service"u8):
                state.DestinationService = ReadServiceName(ref reader, context, "flow.destination_service");
                return HubbleRunFields.DestinationService;
            case 23 when name.SequenceEqual("trace_observation_point"u8):
                flowEvent.ObservationPoint = HubbleEnums.ObservationPoint(ref reader, context);
                return HubbleRunFields.ObservationPoint;
            case 9 when name.SequenceEqual("node_name"u8):
                state.FlowNode = context.NodeName(ref reader, "flow.node_name");
                return HubbleRunFields.NodeName;
            default:
                return HubbleRunFields.None;
        }
    }

    private static void ReadEventType(ref Utf8JsonReader reader, HubbleParseContext context, ref HubbleLineState state)
    {
        if (!HubbleJson.IsObject(ref reader, "flow.event_type"))
        {
            return;
        }

        while (true)
        {
            HubbleJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return;
            }

            var name = context.Name(ref reader);
            HubbleJson.Next(ref reader);
            if (name.SequenceEqual("type"u8))
            {
                state.EventType = HubbleJson.Int32(ref reader, "flow.event_type.type");
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static string? ReadServiceName(ref Utf8JsonReader reader, HubbleParseContext context, string field)
    {
        if (!HubbleJson.IsObject(ref reader, field))
        {
            return null;
        }

        string? serviceName = null;
        while (true)
        {
            HubbleJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return serviceName;
            }

            var name = context.Name(ref reader);
            HubbleJson.Next(ref reader);
            if (name.SequenceEqual("name"u8))
            {
                serviceName = context.String(ref reader, field);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static string? ReadDropReason(ref Utf8JsonReader reader, HubbleParseContext context)
    {
        const string Field = "flow.drop_reason_desc";
        if (reader.TokenType != JsonTokenType.String)
        {
            return HubbleDropReasons.Name(HubbleJson.UInt32(ref reader, Field), context.Strings);
        }

        var name = context.Utf8(ref reader, Field);
        return name.IsEmpty || name.SequenceEqual("DROP_REASON_UNKNOWN"u8) ? null : context.Strings.Intern(name);
    }

    private static ReplyState ToReply(bool? value) => value switch
    {
        true => ReplyState.Reply,
        false => ReplyState.Request,
        null => ReplyState.Unknown,
    };
}
