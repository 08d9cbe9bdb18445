using System.Globalization;
using System.Text.Json;
using AutoShield.Core.Flows;
using AutoShield.Core.Net;

namespace AutoShield.Ingestion.Tests.Connections;

/// <summary>
/// Test-only: turns a line of <c>hubble observe -o jsonpb</c> into a <see cref="FlowEvent"/> with just the fields
/// connection assembly needs. The production reader lives elsewhere; this keeps the assembler's sample test
/// independent of it.
/// </summary>
internal static class HubbleSampleConverter
{
    public static IEnumerable<FlowEvent> ReadAll(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return Convert(line);
            }
        }
    }

    public static FlowEvent Convert(string line)
    {
        using var document = JsonDocument.Parse(line);
        var flow = document.RootElement.GetProperty("flow");
        var flowEvent = default(FlowEvent);
        flowEvent.Reset();
        flowEvent.Origin = FlowOrigin.Hubble;
        flowEvent.TimeUnixNanos = ParseTime(flow.GetProperty("time").GetString()!);
        flowEvent.NodeName = String(flow, "node_name");
        flowEvent.Verdict = String(flow, "verdict") switch
        {
            "FORWARDED" => Verdict.Forwarded,
            "DROPPED" => Verdict.Dropped,
            "REDIRECTED" => Verdict.Redirected,
            _ => Verdict.Unknown,
        };
        flowEvent.Kind = flow.GetProperty("event_type").GetProperty("type").GetInt32() switch
        {
            1 => FlowEventKind.Drop,
            5 => FlowEventKind.PolicyVerdict,
            129 => FlowEventKind.L7,
            _ => FlowEventKind.Trace,
        };
        flowEvent.ObservationPoint = String(flow, "trace_observation_point") switch
        {
            "TO_PROXY" => ObservationPoint.ToProxy,
            "TO_ENDPOINT" => ObservationPoint.ToEndpoint,
            "TO_STACK" => ObservationPoint.ToStack,
            "TO_OVERLAY" => ObservationPoint.ToOverlay,
            "TO_HOST" => ObservationPoint.ToHost,
            _ => ObservationPoint.Unknown,
        };
        if (flow.TryGetProperty("is_reply", out var isReply))
        {
            flowEvent.Reply = isReply.GetBoolean() ? ReplyState.Reply : ReplyState.Request;
        }

        var ip = flow.GetProperty("IP");
        flowEvent.SourceIp = IpAddr.Parse(ip.GetProperty("source").GetString()!);
        flowEvent.DestinationIp = IpAddr.Parse(ip.GetProperty("destination").GetString()!);
        ReadLayer4(flow.GetProperty("l4"), ref flowEvent);
        flowEvent.Source = Endpoint(flow, "source");
        flowEvent.Destination = Endpoint(flow, "destination");
        if (flow.TryGetProperty("l7", out var l7))
        {
            ReadLayer7(l7, ref flowEvent);
        }

        return flowEvent;
    }

    private static void ReadLayer4(JsonElement l4, ref FlowEvent flowEvent)
    {
        foreach (var layer in l4.EnumerateObject())
        {
            var body = layer.Value;
            flowEvent.Protocol = layer.Name switch
            {
                "TCP" => IpProtocol.Tcp,
                "UDP" => IpProtocol.Udp,
                "ICMPv4" => IpProtocol.Icmp,
                "ICMPv6" => IpProtocol.IcmpV6,
                _ => IpProtocol.Unknown,
            };
            flowEvent.SourcePort = (ushort)Int(body, "source_port");
            flowEvent.DestinationPort = (ushort)Int(body, "destination_port");
            flowEvent.IcmpType = (byte)Int(body, "type");
            if (body.TryGetProperty("flags", out var flags))
            {
                foreach (var flag in flags.EnumerateObject())
                {
                    if (flag.Value.GetBoolean() && Enum.TryParse<TcpFlags>(flag.Name, ignoreCase: true, out var bit))
                    {
                        flowEvent.Flags |= bit;
                    }
                }
            }
        }
    }

    private static void ReadLayer7(JsonElement l7, ref FlowEvent flowEvent)
    {
        flowEvent.L7.Type = String(l7, "type") switch
        {
            "REQUEST" => L7FlowType.Request,
            "RESPONSE" => L7FlowType.Response,
            _ => L7FlowType.Unknown,
        };
        if (l7.TryGetProperty("dns", out var dns))
        {
            flowEvent.L7.Protocol = L7Protocol.Dns;
            flowEvent.L7.DnsQuery = String(dns, "query");
            if (flowEvent.L7.Type == L7FlowType.Response)
            {
                flowEvent.L7.DnsRcode = Int(dns, "rcode");
            }
        }

        if (l7.TryGetProperty("http", out var http))
        {
            flowEvent.L7.Protocol = L7Protocol.Http;
            flowEvent.L7.HttpCode = Int(http, "code");
        }
    }

    private static FlowEndpoint Endpoint(JsonElement flow, string name) =>
        flow.TryGetProperty(name, out var endpoint)
            ? new FlowEndpoint
            {
                Namespace = String(endpoint, "namespace"),
                PodName = String(endpoint, "pod_name"),
                Identity = (uint)Int(endpoint, "identity"),
            }
            : default;

    private static long ParseTime(string text)
    {
        // RFC 3339 with up to 9 fractional digits; DateTimeOffset keeps 7, so add the rest by hand.
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var seconds = DateTimeOffset.Parse(dot < 0 ? text : text[..dot] + "Z", CultureInfo.InvariantCulture).ToUnixTimeSeconds();
        long nanos = 0;
        if (dot >= 0)
        {
            var digits = text[(dot + 1)..].TrimEnd('Z');
            nanos = long.Parse(digits.PadRight(9, '0')[..9], CultureInfo.InvariantCulture);
        }

        return (seconds * 1_000_000_000) + nanos;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;
}
