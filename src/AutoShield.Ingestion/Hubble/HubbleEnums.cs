using System.Text.Json;
using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Hubble;

/// <summary>
/// Reads flow.proto enums, written by name (jsonpb) or by number. Names and numbers this build does not know (newer
/// Cilium) read as Unknown rather than failing the line; a value of the wrong JSON type fails it.
/// </summary>
internal static class HubbleEnums
{
    public static Verdict Verdict(ref Utf8JsonReader reader, HubbleParseContext context)
    {
        const string Field = "flow.verdict";
        if (reader.TokenType != JsonTokenType.String)
        {
            var number = HubbleJson.EnumNumber(ref reader, Field);
            return number is >= 0 and <= 7 ? (Verdict)number : Core.Flows.Verdict.Unknown;
        }

        var name = context.Utf8(ref reader, Field);
        return name.SequenceEqual("FORWARDED"u8) ? Core.Flows.Verdict.Forwarded
            : name.SequenceEqual("REDIRECTED"u8) ? Core.Flows.Verdict.Redirected
            : name.SequenceEqual("DROPPED"u8) ? Core.Flows.Verdict.Dropped
            : name.SequenceEqual("ERROR"u8) ? Core.Flows.Verdict.Error
            : name.SequenceEqual("AUDIT"u8) ? Core.Flows.Verdict.Audit
            : name.SequenceEqual("TRACED"u8) ? Core.Flows.Verdict.Traced
            : name.SequenceEqual("TRANSLATED"u8) ? Core.Flows.Verdict.Translated
            : Core.Flows.Verdict.Unknown;
    }

    public static TrafficDirection Direction(ref Utf8JsonReader reader, HubbleParseContext context)
    {
        const string Field = "flow.traffic_direction";
        if (reader.TokenType != JsonTokenType.String)
        {
            var number = HubbleJson.EnumNumber(ref reader, Field);
            return number is >= 0 and <= 2 ? (TrafficDirection)number : TrafficDirection.Unknown;
        }

        var name = context.Utf8(ref reader, Field);
        return name.SequenceEqual("EGRESS"u8) ? TrafficDirection.Egress
            : name.SequenceEqual("INGRESS"u8) ? TrafficDirection.Ingress
            : TrafficDirection.Unknown;
    }

    public static ObservationPoint ObservationPoint(ref Utf8JsonReader reader, HubbleParseContext context)
    {
        const string Field = "flow.trace_observation_point";
        if (reader.TokenType != JsonTokenType.String)
        {
            var number = HubbleJson.EnumNumber(ref reader, Field);
            return number is (>= 0 and <= 13) or 101 ? (ObservationPoint)number : Core.Flows.ObservationPoint.Unknown;
        }

        var name = context.Utf8(ref reader, Field);
        if (name.Length < 5)
        {
            return Core.Flows.ObservationPoint.Unknown;
        }

        // TO_* and FROM_* share their suffixes; split on the prefix first.
        if (name.StartsWith("TO_"u8))
        {
            var suffix = name[3..];
            return suffix.SequenceEqual("ENDPOINT"u8) ? Core.Flows.ObservationPoint.ToEndpoint
                : suffix.SequenceEqual("PROXY"u8) ? Core.Flows.ObservationPoint.ToProxy
                : suffix.SequenceEqual("STACK"u8) ? Core.Flows.ObservationPoint.ToStack
                : suffix.SequenceEqual("OVERLAY"u8) ? Core.Flows.ObservationPoint.ToOverlay
                : suffix.SequenceEqual("HOST"u8) ? Core.Flows.ObservationPoint.ToHost
                : suffix.SequenceEqual("NETWORK"u8) ? Core.Flows.ObservationPoint.ToNetwork
                : suffix.SequenceEqual("CRYPTO"u8) ? Core.Flows.ObservationPoint.ToCrypto
                : Core.Flows.ObservationPoint.Unknown;
        }

        if (name.StartsWith("FROM_"u8))
        {
            var suffix = name[5..];
            return suffix.SequenceEqual("ENDPOINT"u8) ? Core.Flows.ObservationPoint.FromEndpoint
                : suffix.SequenceEqual("PROXY"u8) ? Core.Flows.ObservationPoint.FromProxy
                : suffix.SequenceEqual("STACK"u8) ? Core.Flows.ObservationPoint.FromStack
                : suffix.SequenceEqual("OVERLAY"u8) ? Core.Flows.ObservationPoint.FromOverlay
                : suffix.SequenceEqual("HOST"u8) ? Core.Flows.ObservationPoint.FromHost
                : suffix.SequenceEqual("NETWORK"u8) ? Core.Flows.ObservationPoint.FromNetwork
                : suffix.SequenceEqual("CRYPTO"u8) ? Core.Flows.ObservationPoint.FromCrypto
                : Core.Flows.ObservationPoint.Unknown;
        }

        return Core.Flows.ObservationPoint.Unknown;
    }

    /// <summary>flow.proto <c>FlowType</c>: 1 L3_L4, 2 L7, 3 SOCK (0 unknown).</summary>
    public static int FlowType(ref Utf8JsonReader reader, HubbleParseContext context)
    {
        const string Field = "flow.Type";
        if (reader.TokenType != JsonTokenType.String)
        {
            var number = HubbleJson.EnumNumber(ref reader, Field);
            return number is >= 0 and <= 3 ? number : 0;
        }

        var name = context.Utf8(ref reader, Field);
        return name.SequenceEqual("L3_L4"u8) ? HubbleFlowType.L3L4
            : name.SequenceEqual("L7"u8) ? HubbleFlowType.L7
            : name.SequenceEqual("SOCK"u8) ? HubbleFlowType.Sock
            : HubbleFlowType.Unknown;
    }

    public static L7FlowType L7Type(ref Utf8JsonReader reader, HubbleParseContext context)
    {
        const string Field = "flow.l7.type";
        if (reader.TokenType != JsonTokenType.String)
        {
            var number = HubbleJson.EnumNumber(ref reader, Field);
            return number is >= 0 and <= 3 ? (L7FlowType)number : L7FlowType.Unknown;
        }

        var name = context.Utf8(ref reader, Field);
        return name.SequenceEqual("REQUEST"u8) ? L7FlowType.Request
            : name.SequenceEqual("RESPONSE"u8) ? L7FlowType.Response
            : name.SequenceEqual("SAMPLE"u8) ? L7FlowType.Sample
            : L7FlowType.Unknown;
    }
}
