using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AutoShield.Core.Flows;
using AutoShield.Core.Net;
using AutoShield.Ingestion.Simulation;

namespace AutoShield.Ingestion.Hubble;

/// <summary>
/// Writes flow events as Hubble exporter lines (<c>{"flow":{...},"node_name":"...","time":"..."}</c>, one per
/// line, LF), in the field order and value formats of protobuf JSON as Cilium emits it: zero values left out,
/// 64-bit integers as strings, enum names. Hubble carries no byte or packet counts, so none are written even
/// when the event has them. Ground truth, when the event has a label, goes into an extra top-level
/// <c>"autoshield"</c> object that Hubble readers ignore.
/// </summary>
public sealed class HubbleJsonWriter : IDisposable
{
    private const int FlushThreshold = 64 * 1024;
    private const int EncodedCacheLimit = 8_192;

    // Go's protobuf JSON leaves '+', '<', '&' and non-ASCII as they are; so do we.
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private static readonly string[] VerdictNames =
        ["VERDICT_UNKNOWN", "FORWARDED", "DROPPED", "ERROR", "AUDIT", "REDIRECTED", "TRACED", "TRANSLATED"];

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly bool _includeGroundTruth;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushThreshold * 2);
    private readonly Utf8JsonWriter _json;
    private readonly StringBuilder _summary = new(128);
    // Labels, names and addresses repeat on every event and readers intern them: escape each instance once.
    private readonly Dictionary<string, JsonEncodedText> _encoded = new(ReferenceEqualityComparer.Instance);

    public HubbleJsonWriter(Stream stream, bool includeGroundTruth = true, bool leaveOpen = false)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _includeGroundTruth = includeGroundTruth;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = false, Encoder = Encoder });
    }

    /// <summary>Lines written so far.</summary>
    public long EventsWritten { get; private set; }

    public void Write(in FlowEvent flow, HubbleFlowDetails? details = null)
    {
        Span<byte> time = stackalloc byte[40];
        time = time[..FormatTime(flow.TimeUnixNanos, time)];

        _json.WriteStartObject();
        _json.WritePropertyName("flow"u8);
        WriteFlow(flow, details, time);
        if (flow.NodeName is not null)
        {
            _json.WriteString("node_name"u8, Encoded(flow.NodeName));
        }

        _json.WriteString("time"u8, time);
        if (_includeGroundTruth && flow.Label is not null)
        {
            _json.WriteStartObject("autoshield"u8);
            _json.WriteString("label"u8, flow.Label);
            if (details?.Scenario is { } scenario)
            {
                _json.WriteString("scenario"u8, scenario);
            }

            _json.WriteEndObject();
        }

        _json.WriteEndObject();
        _json.Flush();
        _json.Reset();
        _buffer.Write("\n"u8);
        EventsWritten++;
        if (_buffer.WrittenCount >= FlushThreshold)
        {
            FlushBuffer();
        }
    }

    /// <summary>Writes buffered lines to the stream and flushes it.</summary>
    public void Flush()
    {
        FlushBuffer();
        _stream.Flush();
    }

    public void Dispose()
    {
        Flush();
        _json.Dispose();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private void FlushBuffer()
    {
        if (_buffer.WrittenCount > 0)
        {
            _stream.Write(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
        }
    }

    private void WriteFlow(in FlowEvent flow, HubbleFlowDetails? details, ReadOnlySpan<byte> time)
    {
        _json.WriteStartObject();
        _json.WriteString("time"u8, time);
        if (flow.Verdict != Verdict.Unknown && (int)flow.Verdict < VerdictNames.Length)
        {
            // VERDICT_UNKNOWN is the zero value, which protobuf JSON leaves out.
            _json.WriteString("verdict"u8, VerdictNames[(int)flow.Verdict]);
        }

        if (flow.Kind != FlowEventKind.L7 && details is { SourceMac: { } srcMac, DestinationMac: { } dstMac })
        {
            _json.WriteStartObject("ethernet"u8);
            _json.WriteString("source"u8, Encoded(srcMac));
            _json.WriteString("destination"u8, Encoded(dstMac));
            _json.WriteEndObject();
        }

        if (!flow.SourceIp.IsNone || !flow.DestinationIp.IsNone)
        {
            _json.WriteStartObject("IP"u8);
            WriteIp("source"u8, flow.SourceIp);
            WriteIp("destination"u8, flow.DestinationIp);
            _json.WriteString("ipVersion"u8, flow.SourceIp.IsV4 || flow.DestinationIp.IsV4 ? "IPv4"u8 : "IPv6"u8);
            _json.WriteEndObject();
        }

        WriteLayer4(flow);
        _json.WritePropertyName("source"u8);
        WriteEndpoint(flow.Source, details?.SourceEndpointId ?? 0);
        _json.WritePropertyName("destination"u8);
        WriteEndpoint(flow.Destination, details?.DestinationEndpointId ?? 0);
        _json.WriteString("Type"u8, flow.Kind switch
        {
            FlowEventKind.L7 => "L7"u8,
            FlowEventKind.Sock => "SOCK"u8,
            _ => "L3_L4"u8,
        });
        if (flow.NodeName is not null)
        {
            _json.WriteString("node_name"u8, Encoded(flow.NodeName));
        }

        if (flow.Kind == FlowEventKind.L7)
        {
            WriteLayer7(flow, details);
        }

        if (flow.Reply == ReplyState.Reply)
        {
            // The deprecated "reply" field is still filled by Cilium; false is a zero value and left out.
            _json.WriteBoolean("reply"u8, true);
        }

        WriteEventType(flow);
        WriteService("source_service"u8, flow.Source);
        WriteService("destination_service"u8, flow.Destination);
        if (flow.Direction != TrafficDirection.Unknown)
        {
            _json.WriteString("traffic_direction"u8, flow.Direction == TrafficDirection.Ingress ? "INGRESS"u8 : "EGRESS"u8);
        }

        if (details is { PolicyMatchType: > 0 } && flow.Kind == FlowEventKind.PolicyVerdict)
        {
            _json.WriteNumber("policy_match_type"u8, details.PolicyMatchType);
        }

        if (flow.Kind is FlowEventKind.Trace or FlowEventKind.Unknown && ObservationPointName(flow.ObservationPoint) is { } point)
        {
            _json.WriteString("trace_observation_point"u8, point);
        }

        if (flow.DropReason is not null && flow.IsDropped)
        {
            _json.WriteString("drop_reason_desc"u8, flow.DropReason);
        }

        if (flow.Reply != ReplyState.Unknown)
        {
            _json.WriteBoolean("is_reply"u8, flow.Reply == ReplyState.Reply);
        }

        _json.WriteString("Summary"u8, Summary(flow, details));
        _json.WriteEndObject();
    }

    private JsonEncodedText Encoded(string value)
    {
        if (!_encoded.TryGetValue(value, out var text))
        {
            if (_encoded.Count >= EncodedCacheLimit)
            {
                _encoded.Clear();
            }

            text = JsonEncodedText.Encode(value, Encoder);
            _encoded.Add(value, text);
        }

        return text;
    }

    private void WriteIp(ReadOnlySpan<byte> name, IpAddr ip)
    {
        if (ip.IsNone)
        {
            return;
        }

        if (ip.IsV4)
        {
            Span<byte> text = stackalloc byte[15];
            var length = 0;
            for (var shift = 24; shift >= 0; shift -= 8)
            {
                ((uint)(ip.Lo >> shift) & 0xFF).TryFormat(text[length..], out var written, default, CultureInfo.InvariantCulture);
                length += written;
                if (shift > 0)
                {
                    text[length++] = (byte)'.';
                }
            }

            _json.WriteString(name, text[..length]);
        }
        else
        {
            _json.WriteString(name, ip.ToString());
        }
    }

    private void WriteLayer4(in FlowEvent flow)
    {
        switch (flow.Protocol)
        {
            case IpProtocol.Tcp:
                _json.WriteStartObject("l4"u8);
                _json.WriteStartObject("TCP"u8);
                WritePorts(flow);
                if (flow.Flags != TcpFlags.None)
                {
                    _json.WriteStartObject("flags"u8);
                    // Field order of flow.proto's TCPFlags message.
                    WriteFlag(flow.Flags, TcpFlags.Fin, "FIN"u8);
                    WriteFlag(flow.Flags, TcpFlags.Syn, "SYN"u8);
                    WriteFlag(flow.Flags, TcpFlags.Rst, "RST"u8);
                    WriteFlag(flow.Flags, TcpFlags.Psh, "PSH"u8);
                    WriteFlag(flow.Flags, TcpFlags.Ack, "ACK"u8);
                    WriteFlag(flow.Flags, TcpFlags.Urg, "URG"u8);
                    WriteFlag(flow.Flags, TcpFlags.Ece, "ECE"u8);
                    WriteFlag(flow.Flags, TcpFlags.Cwr, "CWR"u8);
                    WriteFlag(flow.Flags, TcpFlags.Ns, "NS"u8);
                    _json.WriteEndObject();
                }

                _json.WriteEndObject();
                _json.WriteEndObject();
                break;
            case IpProtocol.Udp:
            case IpProtocol.Sctp:
                _json.WriteStartObject("l4"u8);
                _json.WriteStartObject(flow.Protocol == IpProtocol.Udp ? "UDP"u8 : "SCTP"u8);
                WritePorts(flow);
                _json.WriteEndObject();
                _json.WriteEndObject();
                break;
            case IpProtocol.Icmp:
            case IpProtocol.IcmpV6:
                _json.WriteStartObject("l4"u8);
                _json.WriteStartObject(flow.Protocol == IpProtocol.Icmp ? "ICMPv4"u8 : "ICMPv6"u8);
                if (flow.IcmpType != 0)
                {
                    _json.WriteNumber("type"u8, flow.IcmpType);
                }

                if (flow.IcmpCode != 0)
                {
                    _json.WriteNumber("code"u8, flow.IcmpCode);
                }

                _json.WriteEndObject();
                _json.WriteEndObject();
                break;
            default:
                break;
        }
    }

    private void WritePorts(in FlowEvent flow)
    {
        if (flow.SourcePort != 0)
        {
            _json.WriteNumber("source_port"u8, flow.SourcePort);
        }

        if (flow.DestinationPort != 0)
        {
            _json.WriteNumber("destination_port"u8, flow.DestinationPort);
        }
    }

    private void WriteFlag(TcpFlags flags, TcpFlags flag, ReadOnlySpan<byte> name)
    {
        if ((flags & flag) != 0)
        {
            _json.WriteBoolean(name, true);
        }
    }

    private void WriteEndpoint(in FlowEndpoint endpoint, ushort endpointId)
    {
        _json.WriteStartObject();
        if (endpointId != 0)
        {
            _json.WriteNumber("ID"u8, endpointId);
        }

        if (endpoint.Identity != 0)
        {
            _json.WriteNumber("identity"u8, endpoint.Identity);
        }

        if (!string.IsNullOrEmpty(endpoint.Namespace))
        {
            _json.WriteString("namespace"u8, Encoded(endpoint.Namespace));
        }

        if (endpoint.Labels is { Count: > 0 } labels)
        {
            _json.WriteStartArray("labels"u8);
            for (var i = 0; i < labels.Count; i++)
            {
                _json.WriteStringValue(Encoded(labels[i]));
            }

            _json.WriteEndArray();
        }

        if (endpoint.PodName is not null)
        {
            _json.WriteString("pod_name"u8, Encoded(endpoint.PodName));
        }

        if (endpoint.Workload is not null)
        {
            _json.WriteStartArray("workloads"u8);
            _json.WriteStartObject();
            _json.WriteString("name"u8, Encoded(endpoint.Workload));
            if (endpoint.WorkloadKind is not null)
            {
                _json.WriteString("kind"u8, Encoded(endpoint.WorkloadKind));
            }

            _json.WriteEndObject();
            _json.WriteEndArray();
        }

        _json.WriteEndObject();
    }

    private void WriteService(ReadOnlySpan<byte> name, in FlowEndpoint endpoint)
    {
        if (endpoint.ServiceName is null)
        {
            return;
        }

        _json.WriteStartObject(name);
        _json.WriteString("name"u8, Encoded(endpoint.ServiceName));
        if (!string.IsNullOrEmpty(endpoint.Namespace))
        {
            _json.WriteString("namespace"u8, Encoded(endpoint.Namespace));
        }

        _json.WriteEndObject();
    }

    private void WriteEventType(in FlowEvent flow)
    {
        var (type, subType) = flow.Kind switch
        {
            FlowEventKind.Drop => (1, DropReasonCode(flow.DropReason)),
            FlowEventKind.PolicyVerdict => (5, 0),
            FlowEventKind.L7 => (129, 0),
            // Trace sub-types are the datapath's observation point numbers, where "to endpoint" is 0.
            _ => (4, flow.ObservationPoint == ObservationPoint.ToEndpoint ? 0 : (int)flow.ObservationPoint),
        };
        _json.WriteStartObject("event_type"u8);
        _json.WriteNumber("type"u8, type);
        if (subType != 0)
        {
            _json.WriteNumber("sub_type"u8, subType);
        }

        _json.WriteEndObject();
    }

    private void WriteLayer7(in FlowEvent flow, HubbleFlowDetails? details)
    {
        ref readonly var l7 = ref flow.L7;
        _json.WriteStartObject("l7"u8);
        if (l7.Type != L7FlowType.Unknown)
        {
            _json.WriteString("type"u8, l7.Type switch
            {
                L7FlowType.Request => "REQUEST"u8,
                L7FlowType.Response => "RESPONSE"u8,
                _ => "SAMPLE"u8,
            });
        }

        if (l7.LatencyNanos > 0)
        {
            // uint64 in protobuf JSON is a string.
            Span<byte> digits = stackalloc byte[20];
            l7.LatencyNanos.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
            _json.WriteString("latency_ns"u8, digits[..written]);
        }

        if (l7.Protocol == L7Protocol.Dns)
        {
            WriteDns(l7, details);
        }
        else if (l7.Protocol == L7Protocol.Http)
        {
            WriteHttp(l7, details);
        }

        _json.WriteEndObject();
    }

    private void WriteDns(in L7Info l7, HubbleFlowDetails? details)
    {
        _json.WriteStartObject("dns"u8);
        if (l7.DnsQuery is not null)
        {
            _json.WriteString("query"u8, l7.DnsQuery);
        }

        WriteStrings("ips"u8, details?.DnsIps);
        if (details is { DnsTtl: > 0 })
        {
            _json.WriteNumber("ttl"u8, details.DnsTtl);
        }

        _json.WriteString("observation_source"u8, "proxy"u8);
        if (l7.DnsRcode > 0)
        {
            _json.WriteNumber("rcode"u8, l7.DnsRcode);
        }

        if (details?.DnsQueryType is { } qtype)
        {
            _json.WriteStartArray("qtypes"u8);
            _json.WriteStringValue(qtype);
            _json.WriteEndArray();
        }

        WriteStrings("rrtypes"u8, details?.DnsAnswerTypes);
        _json.WriteEndObject();
    }

    private void WriteHttp(in L7Info l7, HubbleFlowDetails? details)
    {
        _json.WriteStartObject("http"u8);
        if (l7.HttpCode > 0)
        {
            _json.WriteNumber("code"u8, l7.HttpCode);
        }

        if (l7.HttpMethod is not null)
        {
            _json.WriteString("method"u8, l7.HttpMethod);
        }

        if (l7.HttpUrl is not null)
        {
            _json.WriteString("url"u8, l7.HttpUrl);
        }

        if (l7.HttpProtocol is not null)
        {
            _json.WriteString("protocol"u8, l7.HttpProtocol);
        }

        if (details?.HttpHeaders is { Count: > 0 } headers)
        {
            _json.WriteStartArray("headers"u8);
            foreach (var header in headers)
            {
                _json.WriteStartObject();
                _json.WriteString("key"u8, header.Key);
                _json.WriteString("value"u8, header.Value);
                _json.WriteEndObject();
            }

            _json.WriteEndArray();
        }

        _json.WriteEndObject();
    }

    private void WriteStrings(ReadOnlySpan<byte> name, IReadOnlyList<string>? values)
    {
        if (values is not { Count: > 0 })
        {
            return;
        }

        _json.WriteStartArray(name);
        foreach (var value in values)
        {
            _json.WriteStringValue(value);
        }

        _json.WriteEndArray();
    }

    /// <summary>The deprecated human-readable <c>Summary</c>, worded as Hubble words it.</summary>
    private string Summary(in FlowEvent flow, HubbleFlowDetails? details)
    {
        var s = _summary.Clear();
        var inv = CultureInfo.InvariantCulture;
        if (flow.Kind == FlowEventKind.L7)
        {
            ref readonly var l7 = ref flow.L7;
            var response = l7.Type == L7FlowType.Response;
            if (l7.Protocol == L7Protocol.Dns)
            {
                var qtype = details?.DnsQueryType ?? "A";
                if (!response)
                {
                    return s.Append("DNS Query ").Append(l7.DnsQuery).Append(' ').Append(qtype).ToString();
                }

                s.Append("DNS Answer ");
                if (l7.DnsRcode > 0)
                {
                    s.Append("RCode: ").Append(RcodeName(l7.DnsRcode));
                }
                else if (details?.DnsIps is { Count: > 0 } ips)
                {
                    s.Append('"').AppendJoin(',', ips).Append('"');
                }

                return s.Append(inv, $" TTL: {details?.DnsTtl ?? 0} (Proxy {l7.DnsQuery} {qtype})").ToString();
            }

            if (l7.Protocol == L7Protocol.Http)
            {
                return response
                    ? s.Append(inv, $"{l7.HttpProtocol} {l7.HttpCode} {l7.LatencyNanos / 1_000_000}ms ({l7.HttpMethod} {l7.HttpUrl})").ToString()
                    : s.Append(inv, $"{l7.HttpProtocol} {l7.HttpMethod} {l7.HttpUrl}").ToString();
            }

            return "L7";
        }

        switch (flow.Protocol)
        {
            case IpProtocol.Tcp:
                if (flow.Flags == TcpFlags.None)
                {
                    return "TCP";
                }

                s.Append("TCP Flags: ");
                // Hubble's own order, which differs from the header's bit order.
                AppendFlag(s, flow.Flags, TcpFlags.Syn, "SYN");
                AppendFlag(s, flow.Flags, TcpFlags.Ack, "ACK");
                AppendFlag(s, flow.Flags, TcpFlags.Rst, "RST");
                AppendFlag(s, flow.Flags, TcpFlags.Fin, "FIN");
                AppendFlag(s, flow.Flags, TcpFlags.Psh, "PSH");
                AppendFlag(s, flow.Flags, TcpFlags.Urg, "URG");
                AppendFlag(s, flow.Flags, TcpFlags.Ece, "ECE");
                AppendFlag(s, flow.Flags, TcpFlags.Cwr, "CWR");
                AppendFlag(s, flow.Flags, TcpFlags.Ns, "NS");
                return s.ToString();
            case IpProtocol.Udp:
                return "UDP";
            case IpProtocol.Sctp:
                return "SCTP";
            case IpProtocol.Icmp:
                return s.Append("ICMPv4 ").Append(IcmpV4Name(flow.IcmpType, flow.IcmpCode)).ToString();
            case IpProtocol.IcmpV6:
                return s.Append(inv, $"ICMPv6 Type({flow.IcmpType})").ToString();
            default:
                return "IPv4";
        }
    }

    private static void AppendFlag(StringBuilder s, TcpFlags flags, TcpFlags flag, string name)
    {
        if ((flags & flag) != 0)
        {
            if (s[^1] != ' ')
            {
                s.Append(", ");
            }

            s.Append(name);
        }
    }

    private static string IcmpV4Name(byte type, byte code) => (type, code) switch
    {
        (0, _) => "EchoReply",
        (8, _) => "EchoRequest",
        (3, 0) => "DestinationUnreachable(Net)",
        (3, 1) => "DestinationUnreachable(Host)",
        (3, 3) => "DestinationUnreachable(Port)",
        (3, 13) => "DestinationUnreachable(CommAdminProhibited)",
        (11, 0) => "TimeExceeded(TTLExceeded)",
        _ => string.Create(CultureInfo.InvariantCulture, $"{type}({code})"),
    };

    private static string RcodeName(int rcode) => rcode switch
    {
        1 => "Format Error",
        2 => "Server Failure",
        3 => "Non-Existent Domain",
        4 => "Not Implemented",
        5 => "Refused",
        _ => rcode.ToString(CultureInfo.InvariantCulture),
    };

    private static int DropReasonCode(string? reason) => reason switch
    {
        "POLICY_DENIED" => 133,
        "POLICY_DENY" => 181,
        _ => 0,
    };

    private static ReadOnlySpan<byte> ObservationPointName(ObservationPoint point) => point switch
    {
        ObservationPoint.ToProxy => "TO_PROXY"u8,
        ObservationPoint.ToHost => "TO_HOST"u8,
        ObservationPoint.ToStack => "TO_STACK"u8,
        ObservationPoint.ToOverlay => "TO_OVERLAY"u8,
        ObservationPoint.ToEndpoint => "TO_ENDPOINT"u8,
        ObservationPoint.FromEndpoint => "FROM_ENDPOINT"u8,
        ObservationPoint.FromProxy => "FROM_PROXY"u8,
        ObservationPoint.FromHost => "FROM_HOST"u8,
        ObservationPoint.FromStack => "FROM_STACK"u8,
        ObservationPoint.FromOverlay => "FROM_OVERLAY"u8,
        ObservationPoint.FromNetwork => "FROM_NETWORK"u8,
        ObservationPoint.ToNetwork => "TO_NETWORK"u8,
        ObservationPoint.FromCrypto => "FROM_CRYPTO"u8,
        ObservationPoint.ToCrypto => "TO_CRYPTO"u8,
        _ => default,
    };

    /// <summary>RFC 3339 UTC with nine fractional digits: <c>2026-01-05T09:00:00.123456789Z</c>.</summary>
    private static int FormatTime(long unixNanos, Span<byte> destination)
    {
        var seconds = Math.DivRem(unixNanos, 1_000_000_000L, out var nanos);
        if (nanos < 0)
        {
            seconds--;
            nanos += 1_000_000_000L;
        }

        var instant = DateTime.UnixEpoch.AddSeconds(seconds);
        instant.TryFormat(destination, out var length, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        destination[length++] = (byte)'.';
        nanos.TryFormat(destination[length..], out var written, "D9", CultureInfo.InvariantCulture);
        length += written;
        destination[length++] = (byte)'Z';
        return length;
    }
}
