using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using AutoShield.Core.Flows;
using AutoShield.Core.Net;
using AutoShield.Core.Text;
using AutoShield.Ingestion.Text;
using Google.Protobuf.WellKnownTypes;
using Pb = AutoShield.Ingestion.Protos.Hubble;

namespace AutoShield.Ingestion.Hubble.Grpc;

/// <summary>
/// Turns a Hubble protobuf <c>Flow</c> into a <see cref="FlowEvent"/> with the meaning the Hubble JSON reader
/// gives the same flow: strings interned, label lists shared, no byte counts (Hubble has none). Not thread-safe:
/// one per stream.
/// </summary>
public sealed class HubbleProtoConverter
{
    private const long NanosPerSecond = 1_000_000_000;

    // Seconds range whose nanosecond count still fits in a long (years 1677 to 2262).
    private const long MinSeconds = long.MinValue / NanosPerSecond;
    private const long MaxSeconds = (long.MaxValue / NanosPerSecond) - 1;

    private static readonly Dictionary<int, string> DropReasonNames = Pb.FlowReflection.Descriptor.EnumTypes
        .Single(e => e.Name == "DropReason").Values
        .ToDictionary(v => v.Number, v => v.Name);

    private readonly StringPool _strings;
    private readonly LabelSetPool _labels;

    public HubbleProtoConverter(StringPool? strings = null)
    {
        _strings = strings ?? new StringPool();
        _labels = new LabelSetPool();
    }

    /// <summary>
    /// Fills <paramref name="flowEvent"/> from the flow in <paramref name="response"/>, falling back to the
    /// response's node name and time where the flow lacks them; false with the reason when it cannot.
    /// </summary>
    public bool TryConvert(Pb.GetFlowsResponse response, ref FlowEvent flowEvent, [NotNullWhen(false)] out string? problem)
    {
        if (response.Flow is null)
        {
            flowEvent.Reset();
            problem = $"response carries {response.ResponseTypesCase}, not a flow";
            return false;
        }

        return TryConvert(response.Flow, response.NodeName, response.Time, ref flowEvent, out problem);
    }

    public bool TryConvert(Pb.Flow flow, ref FlowEvent flowEvent, [NotNullWhen(false)] out string? problem) =>
        TryConvert(flow, null, null, ref flowEvent, out problem);

    /// <summary>Nanoseconds since the Unix epoch; false when the timestamp is outside what a long can hold.</summary>
    internal static bool TryGetNanos(Timestamp time, out long nanos)
    {
        if (time.Seconds is < MinSeconds or > MaxSeconds || time.Nanos is < 0 or >= (int)NanosPerSecond)
        {
            nanos = 0;
            return false;
        }

        nanos = (time.Seconds * NanosPerSecond) + time.Nanos;
        return true;
    }

    private bool TryConvert(Pb.Flow flow, string? nodeName, Timestamp? time, ref FlowEvent flowEvent, [NotNullWhen(false)] out string? problem)
    {
        flowEvent.Reset();
        var when = flow.Time ?? time;
        if (when is null)
        {
            problem = "flow has no time";
            return false;
        }

        if (!TryGetNanos(when, out flowEvent.TimeUnixNanos))
        {
            problem = $"flow time {when} is out of range";
            return false;
        }

        flowEvent.Origin = FlowOrigin.Hubble;
        flowEvent.Kind = KindOf(flow);
        flowEvent.Verdict = flow.Verdict is >= Pb.Verdict.Unknown and <= Pb.Verdict.Translated ? (Verdict)flow.Verdict : Verdict.Unknown;
        flowEvent.DropReason = DropReasonOf(flow);
        flowEvent.Direction = flow.TrafficDirection is Pb.TrafficDirection.Ingress or Pb.TrafficDirection.Egress
            ? (TrafficDirection)flow.TrafficDirection
            : TrafficDirection.Unknown;

        // Only the is_reply wrapper is trusted: the deprecated bool cannot tell "request" from "unknown".
        flowEvent.Reply = flow.IsReply switch
        {
            true => ReplyState.Reply,
            false => ReplyState.Request,
            null => ReplyState.Unknown,
        };
        flowEvent.ObservationPoint = ObservationPointOf(flow.TraceObservationPoint);
        flowEvent.NodeName = HubbleStrings.Intern(_strings, flow.NodeName.Length > 0 ? flow.NodeName : nodeName);

        if (!TryFillAddresses(flow.IP, ref flowEvent, out problem) || !TryFillLayer4(flow.L4, ref flowEvent, out problem))
        {
            return false;
        }

        FillEndpoint(flow.Source, flow.SourceService, ref flowEvent.Source);
        FillEndpoint(flow.Destination, flow.DestinationService, ref flowEvent.Destination);
        FillLayer7(flow.L7, ref flowEvent.L7);
        problem = null;
        return true;
    }

    private static FlowEventKind KindOf(Pb.Flow flow)
    {
        if (flow.Type == Pb.FlowType.Sock)
        {
            return FlowEventKind.Sock;
        }

        return flow.EventType?.Type switch
        {
            1 => FlowEventKind.Drop,
            4 => FlowEventKind.Trace,
            5 => FlowEventKind.PolicyVerdict,
            129 => FlowEventKind.L7,
            _ => flow.Type == Pb.FlowType.L7 ? FlowEventKind.L7 : FlowEventKind.Unknown,
        };
    }

    private string? DropReasonOf(Pb.Flow flow)
    {
        var code = (int)flow.DropReasonDesc;
        if (code == 0)
        {
#pragma warning disable CS0612 // older agents fill only the numeric field, with the same codes
            code = (int)Math.Min(flow.DropReason, int.MaxValue);
#pragma warning restore CS0612
        }

        if (code == 0)
        {
            return null;
        }

        // Codes newer than our proto arrive as bare numbers, as protobuf JSON prints them.
        return DropReasonNames.TryGetValue(code, out var name)
            ? name
            : HubbleStrings.Intern(_strings, code.ToString(CultureInfo.InvariantCulture));
    }

    private static ObservationPoint ObservationPointOf(Pb.TraceObservationPoint point) =>
        point is (>= Pb.TraceObservationPoint.UnknownPoint and <= Pb.TraceObservationPoint.ToCrypto) or Pb.TraceObservationPoint.ToEndpoint
            ? (ObservationPoint)point
            : ObservationPoint.Unknown;

    private static bool TryFillAddresses(Pb.IP? ip, ref FlowEvent flowEvent, [NotNullWhen(false)] out string? problem)
    {
        problem = null;
        if (ip is null)
        {
            return true;
        }

        if (!TryParseIp(ip.Source, out flowEvent.SourceIp))
        {
            problem = $"IP.source '{ip.Source}' is not an IP address";
            return false;
        }

        if (!TryParseIp(ip.Destination, out flowEvent.DestinationIp))
        {
            problem = $"IP.destination '{ip.Destination}' is not an IP address";
            return false;
        }

        return true;
    }

    private static bool TryParseIp(string text, out IpAddr address)
    {
        if (text.Length == 0)
        {
            address = IpAddr.None;
            return true;
        }

        return IpAddr.TryParse(text.AsSpan(), out address);
    }

    private static bool TryFillLayer4(Pb.Layer4? l4, ref FlowEvent flowEvent, [NotNullWhen(false)] out string? problem)
    {
        problem = null;
        switch (l4?.ProtocolCase)
        {
            case Pb.Layer4.ProtocolOneofCase.TCP:
                flowEvent.Protocol = IpProtocol.Tcp;
                flowEvent.Flags = FlagsOf(l4.TCP.Flags);
                return TryPorts(l4.TCP.SourcePort, l4.TCP.DestinationPort, ref flowEvent, out problem);
            case Pb.Layer4.ProtocolOneofCase.UDP:
                flowEvent.Protocol = IpProtocol.Udp;
                return TryPorts(l4.UDP.SourcePort, l4.UDP.DestinationPort, ref flowEvent, out problem);
            case Pb.Layer4.ProtocolOneofCase.SCTP:
                flowEvent.Protocol = IpProtocol.Sctp;
                return TryPorts(l4.SCTP.SourcePort, l4.SCTP.DestinationPort, ref flowEvent, out problem);
            case Pb.Layer4.ProtocolOneofCase.ICMPv4:
                flowEvent.Protocol = IpProtocol.Icmp;
                return TryIcmp(l4.ICMPv4.Type, l4.ICMPv4.Code, ref flowEvent, out problem);
            case Pb.Layer4.ProtocolOneofCase.ICMPv6:
                flowEvent.Protocol = IpProtocol.IcmpV6;
                return TryIcmp(l4.ICMPv6.Type, l4.ICMPv6.Code, ref flowEvent, out problem);
            default:
                return true;
        }
    }

    private static bool TryPorts(uint source, uint destination, ref FlowEvent flowEvent, [NotNullWhen(false)] out string? problem)
    {
        if (source > ushort.MaxValue || destination > ushort.MaxValue)
        {
            problem = $"port out of range ({source} -> {destination})";
            return false;
        }

        flowEvent.SourcePort = (ushort)source;
        flowEvent.DestinationPort = (ushort)destination;
        problem = null;
        return true;
    }

    private static bool TryIcmp(uint type, uint code, ref FlowEvent flowEvent, [NotNullWhen(false)] out string? problem)
    {
        if (type > byte.MaxValue || code > byte.MaxValue)
        {
            problem = $"ICMP type {type} / code {code} out of range";
            return false;
        }

        flowEvent.IcmpType = (byte)type;
        flowEvent.IcmpCode = (byte)code;
        problem = null;
        return true;
    }

    private static TcpFlags FlagsOf(Pb.TCPFlags? flags)
    {
        if (flags is null)
        {
            return TcpFlags.None;
        }

        var result = TcpFlags.None;
        result |= flags.FIN ? TcpFlags.Fin : TcpFlags.None;
        result |= flags.SYN ? TcpFlags.Syn : TcpFlags.None;
        result |= flags.RST ? TcpFlags.Rst : TcpFlags.None;
        result |= flags.PSH ? TcpFlags.Psh : TcpFlags.None;
        result |= flags.ACK ? TcpFlags.Ack : TcpFlags.None;
        result |= flags.URG ? TcpFlags.Urg : TcpFlags.None;
        result |= flags.ECE ? TcpFlags.Ece : TcpFlags.None;
        result |= flags.CWR ? TcpFlags.Cwr : TcpFlags.None;
        result |= flags.NS ? TcpFlags.Ns : TcpFlags.None;
        return result;
    }

    private void FillEndpoint(Pb.Endpoint? endpoint, Pb.Service? service, ref FlowEndpoint target)
    {
        target.ServiceName = HubbleStrings.Intern(_strings, service?.Name);
        if (endpoint is null)
        {
            return;
        }

        target.Namespace = HubbleStrings.Intern(_strings, endpoint.Namespace);
        target.PodName = HubbleStrings.Intern(_strings, endpoint.PodName);
        target.Identity = endpoint.Identity;
        target.Labels = endpoint.Labels.Count == 0 ? null : _labels.Get(endpoint.Labels, _strings);
        if (endpoint.Workloads.Count > 0)
        {
            target.Workload = HubbleStrings.Intern(_strings, endpoint.Workloads[0].Name);
            target.WorkloadKind = HubbleStrings.Intern(_strings, endpoint.Workloads[0].Kind);
        }
    }

    private void FillLayer7(Pb.Layer7? l7, ref L7Info target)
    {
        if (l7 is null)
        {
            return;
        }

        target.Type = l7.Type is >= Pb.L7FlowType.UnknownL7Type and <= Pb.L7FlowType.Sample ? (L7FlowType)l7.Type : L7FlowType.Unknown;
        target.LatencyNanos = (long)Math.Min(l7.LatencyNs, long.MaxValue);
        switch (l7.RecordCase)
        {
            case Pb.Layer7.RecordOneofCase.Dns:
                target.Protocol = L7Protocol.Dns;
                target.DnsQuery = HubbleStrings.Intern(_strings, l7.Dns.Query);

                // proto3 sends no rcode for NOERROR: on a response 0 is a real code, on a request it means none.
                target.DnsRcode = l7.Type == Pb.L7FlowType.Response || l7.Dns.Rcode != 0 ? (int)Math.Min(l7.Dns.Rcode, int.MaxValue) : -1;
                break;
            case Pb.Layer7.RecordOneofCase.Http:
                target.Protocol = L7Protocol.Http;
                target.HttpCode = (int)Math.Min(l7.Http.Code, int.MaxValue);
                target.HttpMethod = HubbleStrings.Intern(_strings, l7.Http.Method);
                target.HttpUrl = HubbleStrings.Intern(_strings, l7.Http.Url);
                target.HttpProtocol = HubbleStrings.Intern(_strings, l7.Http.Protocol);
                break;
            case Pb.Layer7.RecordOneofCase.Kafka:
                target.Protocol = L7Protocol.Kafka;
                break;
            default:
                break;
        }
    }
}
