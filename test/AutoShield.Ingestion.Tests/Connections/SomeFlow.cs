using AutoShield.Core.Flows;
using AutoShield.Core.Net;

namespace AutoShield.Ingestion.Tests.Connections;

/// <summary>Builders of hand-made flow events between a client pod and a server pod.</summary>
internal static class SomeFlow
{
    public const long T0 = 1_700_000_000_000_000_000;
    public const ushort ClientPort = 40_000;
    public const ushort ServerPort = 8080;
    public const string NodeA = "node-a";
    public const string NodeB = "node-b";

    public static readonly IpAddr ClientIp = IpAddr.FromV4(10, 0, 0, 9);
    public static readonly IpAddr ServerIp = IpAddr.FromV4(10, 0, 0, 2);

    public static readonly FlowEndpoint ClientPod = new() { Namespace = "shop", PodName = "frontend-1", Identity = 300 };
    public static readonly FlowEndpoint ServerPod = new() { Namespace = "shop", PodName = "backend-1", Identity = 301 };

    public static long At(double seconds) => T0 + (long)Math.Round(seconds * 1e9);

    /// <summary>A TCP trace event; <paramref name="fromClient"/> false sends it from the server (the reversed tuple).</summary>
    public static FlowEvent Tcp(
        double seconds,
        TcpFlags flags,
        bool fromClient = true,
        ObservationPoint point = ObservationPoint.ToProxy,
        FlowEventKind kind = FlowEventKind.Trace,
        string node = NodeA,
        ReplyState reply = ReplyState.Unknown,
        ushort clientPort = ClientPort)
    {
        var flowEvent = Packet(seconds, IpProtocol.Tcp, fromClient, point, kind, node, reply, clientPort, ServerPort);
        flowEvent.Flags = flags;
        return flowEvent;
    }

    public static FlowEvent Udp(double seconds, bool fromClient = true, ObservationPoint point = ObservationPoint.ToProxy, ushort serverPort = 53)
        => Packet(seconds, IpProtocol.Udp, fromClient, point, FlowEventKind.Trace, NodeA, ReplyState.Unknown, ClientPort, serverPort);

    public static FlowEvent DnsRequest(double seconds, IpProtocol protocol = IpProtocol.Udp)
    {
        var flowEvent = Packet(seconds, protocol, true, ObservationPoint.Unknown, FlowEventKind.L7, NodeA, ReplyState.Request, ClientPort, 53);
        flowEvent.L7.Protocol = L7Protocol.Dns;
        flowEvent.L7.Type = L7FlowType.Request;
        flowEvent.L7.DnsQuery = "backend.shop.svc.cluster.local.";
        return flowEvent;
    }

    public static FlowEvent DnsResponse(double seconds, int rcode, IpProtocol protocol = IpProtocol.Udp)
    {
        var flowEvent = Packet(seconds, protocol, false, ObservationPoint.Unknown, FlowEventKind.L7, NodeA, ReplyState.Reply, ClientPort, 53);
        flowEvent.L7.Protocol = L7Protocol.Dns;
        flowEvent.L7.Type = L7FlowType.Response;
        flowEvent.L7.DnsRcode = rcode;
        return flowEvent;
    }

    public static FlowEvent Packet(
        double seconds,
        IpProtocol protocol,
        bool fromClient,
        ObservationPoint point,
        FlowEventKind kind,
        string node,
        ReplyState reply,
        ushort clientPort,
        ushort serverPort)
    {
        var flowEvent = default(FlowEvent);
        flowEvent.Reset();
        flowEvent.TimeUnixNanos = At(seconds);
        flowEvent.Origin = FlowOrigin.Hubble;
        flowEvent.Kind = kind;
        flowEvent.Verdict = Verdict.Forwarded;
        flowEvent.ObservationPoint = point;
        flowEvent.NodeName = node;
        flowEvent.Reply = reply;
        flowEvent.Protocol = protocol;
        flowEvent.SourceIp = fromClient ? ClientIp : ServerIp;
        flowEvent.DestinationIp = fromClient ? ServerIp : ClientIp;
        flowEvent.SourcePort = fromClient ? clientPort : serverPort;
        flowEvent.DestinationPort = fromClient ? serverPort : clientPort;
        flowEvent.Source = fromClient ? ClientPod : ServerPod;
        flowEvent.Destination = fromClient ? ServerPod : ClientPod;
        return flowEvent;
    }
}
