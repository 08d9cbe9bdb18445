using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Tetragon;

/// <summary>Fills a <see cref="FlowEvent"/> from one network-bearing Tetragon event; see <see cref="TetragonFlowReader"/>.</summary>
internal sealed class TetragonFlowMapper(TetragonFlowReaderOptions options)
{
    private readonly LabelSetCache _labels = new(options.LabelSetCacheCapacity);

    public FlowMapResult Map(TetragonEvent e, ref FlowEvent flow, out string error)
    {
        error = string.Empty;
        var result = e.Type switch
        {
            TetragonEventType.ProcessConnect => MapLegacy(e, ref flow, SocketRole.Connect),
            TetragonEventType.ProcessClose => MapLegacy(e, ref flow, SocketRole.Close),
            TetragonEventType.ProcessKprobe => MapKprobe(e, ref flow),
            _ => FlowMapResult.Skipped,
        };
        if (result != FlowMapResult.Flow)
        {
            return result;
        }

        if (e.TimeUnixNanos is not { } time)
        {
            error = $"{e.TypeName}.time: expected an RFC 3339 time on a network event";
            return FlowMapResult.Bad;
        }

        var remote = flow.Direction == TrafficDirection.Ingress ? flow.SourceIp : flow.DestinationIp;
        if (remote.IsNone)
        {
            error = $"{e.TypeName}: expected the remote address of the socket, found none";
            return FlowMapResult.Bad;
        }

        flow.TimeUnixNanos = time;
        flow.Origin = FlowOrigin.Tetragon;
        flow.Kind = FlowEventKind.Socket;
        flow.NodeName = e.NodeName;
        return FlowMapResult.Flow;
    }

    private FlowMapResult MapLegacy(TetragonEvent e, ref FlowEvent flow, SocketRole role)
    {
        if (e.Socket is not { } socket)
        {
            return FlowMapResult.Skipped;
        }

        flow.SourceIp = socket.SourceIp;
        flow.SourcePort = socket.SourcePort;
        flow.DestinationIp = socket.DestinationIp;
        flow.DestinationPort = socket.DestinationPort;
        flow.Protocol = ProtocolOf(socket.Protocol);
        flow.Source = Endpoint(e.Process);
        if (role == SocketRole.Connect)
        {
            SetConnect(ref flow);
            return FlowMapResult.Flow;
        }

        flow.Flags = TcpFlags.Fin;
        if (socket.Stats is { } stats)
        {
            // Totals for the whole connection, seen from the process: what it sent is forward.
            flow.Counts.ForwardBytes = stats.BytesSent;
            flow.Counts.BackwardBytes = stats.BytesReceived;
            flow.Counts.ForwardPackets = stats.SegmentsOut;
            flow.Counts.BackwardPackets = stats.SegmentsIn;
        }

        return FlowMapResult.Flow;
    }

    private FlowMapResult MapKprobe(TetragonEvent e, ref FlowEvent flow)
    {
        if (e.Probe is not { FunctionName: { } function } probe)
        {
            return FlowMapResult.Skipped;
        }

        var role = RoleOf(function);
        if (role == SocketRole.None)
        {
            return FlowMapResult.Skipped;
        }

        var sock = role == SocketRole.Accept ? probe.Return as SockArgument ?? First<SockArgument>(probe.Args) : First<SockArgument>(probe.Args);
        var skb = sock is null ? First<SkbArgument>(probe.Args) : null;
        if (sock is not null)
        {
            flow.SourceIp = sock.Saddr;
            flow.SourcePort = sock.Sport;
            flow.DestinationIp = sock.Daddr;
            flow.DestinationPort = sock.Dport;
            flow.Protocol = ProtocolOf(sock.Protocol);
        }
        else if (skb is not null)
        {
            // An skb carries its IP header as sent or received; received ones are turned round so the process stays the source.
            var incoming = role is SocketRole.Receive or SocketRole.Accept;
            flow.SourceIp = incoming ? skb.Daddr : skb.Saddr;
            flow.SourcePort = incoming ? skb.Dport : skb.Sport;
            flow.DestinationIp = incoming ? skb.Saddr : skb.Daddr;
            flow.DestinationPort = incoming ? skb.Sport : skb.Dport;
            flow.Protocol = skb.Proto is > 0 and < 256 ? (IpProtocol)skb.Proto : IpProtocol.Unknown;
        }
        else
        {
            return FlowMapResult.Skipped;
        }

        if (flow.Protocol == IpProtocol.Unknown)
        {
            flow.Protocol = function.StartsWith("udp", StringComparison.Ordinal) ? IpProtocol.Udp
                : function.StartsWith("tcp", StringComparison.Ordinal) || function.StartsWith("inet_csk", StringComparison.Ordinal) ? IpProtocol.Tcp
                : IpProtocol.Unknown;
        }

        flow.Source = Endpoint(e.Process);
        switch (role)
        {
            case SocketRole.Connect:
                SetConnect(ref flow);
                break;
            case SocketRole.Accept:
                // The peer initiated: it becomes the source, and the process's pod the destination.
                (flow.SourceIp, flow.DestinationIp) = (flow.DestinationIp, flow.SourceIp);
                (flow.SourcePort, flow.DestinationPort) = (flow.DestinationPort, flow.SourcePort);
                (flow.Source, flow.Destination) = (flow.Destination, flow.Source);
                flow.Flags = TcpFlags.Syn;
                flow.Direction = TrafficDirection.Ingress;
                flow.Reply = ReplyState.Request;
                break;
            case SocketRole.Close:
                flow.Flags = TcpFlags.Fin;
                break;
            default:
                SetBytes(ref flow, probe, skb, role == SocketRole.Send);
                break;
        }

        return FlowMapResult.Flow;
    }

    private static void SetConnect(ref FlowEvent flow)
    {
        flow.Flags = TcpFlags.Syn;
        flow.Direction = TrafficDirection.Egress;
        flow.Reply = ReplyState.Request;
    }

    /// <summary>
    /// Bytes moved by one send or receive: the return value when the policy captured it (what the kernel actually
    /// moved), else the first non-negative size argument, else the skb length. The other direction moved 0.
    /// </summary>
    private static void SetBytes(ref FlowEvent flow, TetragonProbe probe, SkbArgument? skb, bool send)
    {
        var bytes = Number(probe.Return) is { } returned ? Math.Max(returned, 0) : -1;
        if (bytes < 0)
        {
            foreach (var arg in probe.Args)
            {
                if (Number(arg) is >= 0 and var n)
                {
                    bytes = n;
                    break;
                }
            }
        }

        if (bytes < 0 && skb is not null)
        {
            bytes = skb.Len;
        }

        if (bytes < 0)
        {
            return;
        }

        flow.Counts.ForwardBytes = send ? bytes : 0;
        flow.Counts.BackwardBytes = send ? 0 : bytes;
    }

    private static long? Number(TetragonArgument? arg) => arg switch
    {
        SizeArgument s => (long)Math.Min(s.Value, long.MaxValue),
        IntArgument i => i.Value,
        UintArgument u => u.Value,
        LongArgument l => l.Value,
        _ => null,
    };

    private static T? First<T>(IReadOnlyList<TetragonArgument> args)
        where T : TetragonArgument
    {
        foreach (var arg in args)
        {
            if (arg is T match)
            {
                return match;
            }
        }

        return null;
    }

    private SocketRole RoleOf(string function) =>
        options.ConnectFunctions.Contains(function) ? SocketRole.Connect
        : options.AcceptFunctions.Contains(function) ? SocketRole.Accept
        : options.CloseFunctions.Contains(function) ? SocketRole.Close
        : options.SendFunctions.Contains(function) ? SocketRole.Send
        : options.ReceiveFunctions.Contains(function) ? SocketRole.Receive
        : SocketRole.None;

    private FlowEndpoint Endpoint(TetragonProcess? process)
    {
        if (process?.Pod is not { } pod)
        {
            return default;
        }

        return new FlowEndpoint
        {
            Namespace = pod.Namespace,
            PodName = pod.Name,
            Workload = pod.Workload,
            WorkloadKind = pod.WorkloadKind,
            Labels = _labels.For(pod),
        };
    }

    private static IpProtocol ProtocolOf(string? name) => name?.ToUpperInvariant() switch
    {
        "TCP" or "IPPROTO_TCP" => IpProtocol.Tcp,
        "UDP" or "IPPROTO_UDP" => IpProtocol.Udp,
        "ICMP" or "IPPROTO_ICMP" => IpProtocol.Icmp,
        "ICMPV6" or "IPPROTO_ICMPV6" => IpProtocol.IcmpV6,
        "SCTP" or "IPPROTO_SCTP" => IpProtocol.Sctp,
        _ => IpProtocol.Unknown,
    };
}
