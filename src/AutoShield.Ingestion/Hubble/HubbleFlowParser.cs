using System.Text.Json;
using AutoShield.Core.Flows;
using AutoShield.Core.Net;
using AutoShield.Ingestion.Text;

namespace AutoShield.Ingestion.Hubble;

/// <summary>Reads the fields of a flow.proto <c>Flow</c> object into a <see cref="FlowEvent"/>.</summary>
internal static class HubbleFlowParser
{
    /// <summary>Reads the <c>flow</c> object the reader is on, up to and including its closing brace.</summary>
    public static void ReadObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, HubbleParseContext context, ref FlowEvent flowEvent, ref HubbleLineState state)
    {
        while (true)
        {
            HubbleJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return;
            }

            var name = context.Name(ref reader);
            HubbleJson.Next(ref reader);
            if (name.SequenceEqual("time"u8))
            {
                state.HasFlowTime = ReadTime(ref reader, context, "flow.time", out state.FlowTime);
            }
            else if (name.SequenceEqual("node_name"u8))
            {
                state.FlowNode = context.NodeName(ref reader, "flow.node_name");
            }
            else if (!ReadField(name, ref reader, line, context, ref flowEvent, ref state))
            {
                reader.Skip();
            }
        }
    }

    /// <summary>
    /// Reads one Flow field other than <c>time</c> and <c>node_name</c>, whose value the reader is on; false (with
    /// nothing read) for a field this reader does not use.
    /// </summary>
    public static bool ReadField(scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ReadOnlySpan<byte> line, HubbleParseContext context, ref FlowEvent flowEvent, ref HubbleLineState state)
    {
        switch (name.Length)
        {
            case 2 when name.SequenceEqual("IP"u8):
                ReadIp(ref reader, context, ref flowEvent);
                return true;
            case 2 when name.SequenceEqual("l4"u8):
                HubbleL4Parser.Read(ref reader, context, ref flowEvent);
                return true;
            case 2 when name.SequenceEqual("l7"u8):
                HubbleL7Parser.Read(ref reader, context, ref flowEvent.L7);
                return true;
            case 4 when name.SequenceEqual("Type"u8):
                state.FlowType = HubbleEnums.FlowType(ref reader, context);
                return true;
            case 5 when name.SequenceEqual("reply"u8):
                // The deprecated bool cannot tell false from unset, so only true carries information.
                state.DeprecatedReply = HubbleJson.Bool(ref reader, "flow.reply") == true ? ReplyState.Reply : ReplyState.Unknown;
                return true;
            case 6 when name.SequenceEqual("source"u8):
                flowEvent.Source = HubbleEndpointParser.Read(ref reader, line, context, ref state, "flow.source");
                return true;
            case 7 when name.SequenceEqual("verdict"u8):
                flowEvent.Verdict = HubbleEnums.Verdict(ref reader, context);
                return true;
            case 8 when name.SequenceEqual("is_reply"u8):
                state.IsReply = ToReply(HubbleJson.Bool(ref reader, "flow.is_reply"));
                return true;
            case 10 when name.SequenceEqual("event_type"u8):
                ReadEventType(ref reader, context, ref state);
                return true;
            case 11 when name.SequenceEqual("destination"u8):
                flowEvent.Destination = HubbleEndpointParser.Read(ref reader, line, context, ref state, "flow.destination");
                return true;
            case 11 when name.SequenceEqual("drop_reason"u8):
                state.DropReasonCode = HubbleJson.UInt32(ref reader, "flow.drop_reason");
                return true;
            case 14 when name.SequenceEqual("source_service"u8):
                state.SourceService = ReadServiceName(ref reader, context, "flow.source_service");
                return true;
            case 16 when name.SequenceEqual("drop_reason_desc"u8):
                state.HasDropReasonDesc = true;
                flowEvent.DropReason = ReadDropReason(ref reader, context);
                return true;
            case 17 when name.SequenceEqual("traffic_direction"u8):
                flowEvent.Direction = HubbleEnums.Direction(ref reader, context);
                return true;
            case 19 when name.SequenceEqual("destination_service"u8):
                state.DestinationService = ReadServiceName(ref reader, context, "flow.destination_service");
                return true;
            case 23 when name.SequenceEqual("trace_observation_point"u8):
                flowEvent.ObservationPoint = HubbleEnums.ObservationPoint(ref reader, context);
                return true;
            default:
                return false;
        }
    }

    /// <summary>An RFC 3339 time; false when JSON null.</summary>
    public static bool ReadTime(ref Utf8JsonReader reader, HubbleParseContext context, string field, out long unixNanos)
    {
        unixNanos = 0;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return false;
        }

        return Rfc3339Timestamp.TryParseUnixNanos(context.Utf8(ref reader, field), out unixNanos)
            ? true
            : throw HubbleJson.Expected(ref reader, field, "an RFC 3339 timestamp such as 2021-11-10T10:40:56.465597700Z");
    }

    private static void ReadIp(ref Utf8JsonReader reader, HubbleParseContext context, ref FlowEvent flowEvent)
    {
        if (!HubbleJson.IsObject(ref reader, "flow.IP"))
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
            if (name.SequenceEqual("source"u8))
            {
                flowEvent.SourceIp = ReadAddress(ref reader, context, "flow.IP.source");
            }
            else if (name.SequenceEqual("destination"u8))
            {
                flowEvent.DestinationIp = ReadAddress(ref reader, context, "flow.IP.destination");
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static IpAddr ReadAddress(ref Utf8JsonReader reader, HubbleParseContext context, string field)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return IpAddr.None;
        }

        var text = context.Utf8(ref reader, field);
        if (text.IsEmpty)
        {
            // proto3 writes an unset string as "" or leaves it out: both mean absent.
            return IpAddr.None;
        }

        return IpAddr.TryParse(text, out var address)
            ? address
            : throw HubbleJson.Expected(ref reader, field, "an IPv4 or IPv6 address");
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
