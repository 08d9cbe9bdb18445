using AutoShield.Core.Flows;
using AutoShield.Ingestion.Simulation.Cluster;

namespace AutoShield.Ingestion.Simulation.Traffic;

/// <summary>
/// Turns packets into the Hubble events Cilium would report for them: a trace where the packet leaves a pod
/// (TO_STACK, or TO_PROXY under egress L7 visibility) and where it is delivered to a pod (TO_ENDPOINT, or
/// TO_PROXY under an ingress HTTP rule); pod-to-pod traffic on one node is seen once, at delivery. Directions
/// follow Cilium's rule: relative to the connection, so a server's replies are INGRESS. New connections to
/// pods under policy get a policy-verdict event; denied packets a drop event at the enforcing node.
/// </summary>
internal sealed class PacketEmitter(SimContext context)
{
    private const long VerdictLeadNanos = 400;
    private const string PolicyDenied = "POLICY_DENIED";

    /// <summary>Sends one packet; returns when it arrives at the other end.</summary>
    public long Send(SimConnection c, long time, bool fromClient, TcpFlags flags, int payload = 0)
    {
        var (src, dst) = Ends(c, fromClient);
        var arrive = time + c.OneWayNanos;
        var first = fromClient && !c.Started;
        if (fromClient)
        {
            c.Started = true;
        }

        var proxiedEgress = fromClient && c.L7 == L7Mode.ClientEgress;
        if (src.IsEndpoint && (proxiedEgress || !(dst.IsEndpoint && ReferenceEquals(src.Node, dst.Node))))
        {
            var at = time;
            if (first && proxiedEgress)
            {
                PolicyVerdict(c, at, src.Node!, TrafficDirection.Egress, Verdict.Redirected, 3);
                at += VerdictLeadNanos;
            }

            Trace(c, at, fromClient, src.Node!, proxiedEgress ? ObservationPoint.ToProxy : ObservationPoint.ToStack,
                fromClient ? TrafficDirection.Egress : TrafficDirection.Ingress, flags, payload, senderSide: true);
        }

        if (dst.IsEndpoint)
        {
            var at = arrive;
            var proxiedIngress = fromClient && c.L7 == L7Mode.ServerIngress;
            var policy = dst.Workload?.Policy;
            if (first && (policy is not null || proxiedIngress))
            {
                PolicyVerdict(c, at, dst.Node!, TrafficDirection.Ingress,
                    proxiedIngress ? Verdict.Redirected : Verdict.Forwarded, policy is null ? 3 : 2);
                at += VerdictLeadNanos;
            }

            Trace(c, at, fromClient, dst.Node!, proxiedIngress ? ObservationPoint.ToProxy : ObservationPoint.ToEndpoint,
                fromClient ? TrafficDirection.Ingress : TrafficDirection.Egress, flags, payload, senderSide: false);
        }

        return arrive;
    }

    /// <summary>A client packet the server's ingress policy drops: traced where it leaves, dropped where it arrives.</summary>
    public void SendDenied(SimConnection c, long time, TcpFlags flags)
    {
        var (src, dst) = (c.Client, c.Server);
        c.Started = true;
        if (src.IsEndpoint && !(dst.IsEndpoint && ReferenceEquals(src.Node, dst.Node)))
        {
            Trace(c, time, true, src.Node!, ObservationPoint.ToStack, TrafficDirection.Egress, flags, 0, senderSide: true);
        }

        if (dst.IsEndpoint)
        {
            var e = Base(c, time + c.OneWayNanos, true, dst.Node!);
            e.Kind = FlowEventKind.Drop;
            e.Verdict = Verdict.Dropped;
            e.DropReason = PolicyDenied;
            e.Direction = TrafficDirection.Ingress;
            // Cilium cannot tell whether a dropped packet was a reply.
            e.Reply = ReplyState.Unknown;
            e.Flags = flags;
            context.Emit(e, Details(c, true, dst.Node!, senderSide: false));
        }
    }

    /// <summary>An ICMP error from the server about the client's flow (port unreachable for a closed UDP port).</summary>
    public long SendIcmpError(SimConnection c, long time, byte type, byte code) => SendIcmp(c, time, false, type, code);

    /// <summary>An ICMP echo request from the client (<paramref name="fromClient"/>) or its reply from the server.</summary>
    public long SendIcmpEcho(SimConnection c, long time, bool fromClient) => SendIcmp(c, time, fromClient, fromClient ? (byte)8 : (byte)0, 0);

    private long SendIcmp(SimConnection c, long time, bool fromClient, byte type, byte code)
    {
        var (src, dst) = Ends(c, fromClient);
        var arrive = time + c.OneWayNanos;
        if (src.IsEndpoint && !(dst.IsEndpoint && ReferenceEquals(src.Node, dst.Node)))
        {
            EmitIcmp(c, time, fromClient, src.Node!, ObservationPoint.ToStack, fromClient ? TrafficDirection.Egress : TrafficDirection.Ingress, type, code, senderSide: true);
        }

        if (dst.IsEndpoint)
        {
            EmitIcmp(c, arrive, fromClient, dst.Node!, ObservationPoint.ToEndpoint, fromClient ? TrafficDirection.Ingress : TrafficDirection.Egress, type, code, senderSide: false);
        }

        return arrive;
    }

    /// <summary>An L7 access-log event from Cilium's proxy.</summary>
    public void L7(SimConnection c, long time, bool response, in L7Info info, HubbleFlowDetails details)
    {
        var fromClient = !response;
        var clientSide = c.L7 == L7Mode.ClientEgress;
        var node = (clientSide ? c.Client.Node : c.Server.Node) ?? c.Server.Node ?? c.Client.Node!;
        var e = Base(c, time, fromClient, node);
        e.Kind = FlowEventKind.L7;
        e.L7 = info;
        e.Direction = clientSide ? TrafficDirection.Egress : TrafficDirection.Ingress;
        var (src, dst) = Ends(c, fromClient);
        context.Emit(e, details with
        {
            SourceEndpointId = src.LocalEndpointId(node),
            DestinationEndpointId = dst.LocalEndpointId(node),
            Scenario = context.Options.IncludeLabels ? c.Tag.Scenario : null,
        });
    }

    private void Trace(
        SimConnection c, long time, bool fromClient, ClusterNode node, ObservationPoint point, TrafficDirection direction,
        TcpFlags flags, int payload, bool senderSide)
    {
        var e = Base(c, time, fromClient, node);
        e.Kind = FlowEventKind.Trace;
        e.ObservationPoint = point;
        e.Direction = direction;
        e.Flags = c.Protocol == IpProtocol.Tcp ? flags : TcpFlags.None;
        if (context.Options.IncludePayloadBytes)
        {
            e.PayloadBytes = payload;
        }

        context.Emit(e, Details(c, fromClient, node, senderSide));
    }

    private void PolicyVerdict(SimConnection c, long time, ClusterNode node, TrafficDirection direction, Verdict verdict, int matchType)
    {
        var e = Base(c, time, true, node);
        e.Kind = FlowEventKind.PolicyVerdict;
        e.Verdict = verdict;
        e.Direction = direction;
        e.Flags = c.Protocol == IpProtocol.Tcp ? TcpFlags.Syn : TcpFlags.None;
        context.Emit(e, Details(c, true, node, senderSide: direction == TrafficDirection.Egress) with { PolicyMatchType = matchType });
    }

    private void EmitIcmp(
        SimConnection c, long time, bool fromClient, ClusterNode node, ObservationPoint point, TrafficDirection direction, byte type, byte code, bool senderSide)
    {
        var e = Base(c, time, fromClient, node);
        e.Kind = FlowEventKind.Trace;
        e.ObservationPoint = point;
        e.Direction = direction;
        e.Protocol = IpProtocol.Icmp;
        e.SourcePort = 0;
        e.DestinationPort = 0;
        e.IcmpType = type;
        e.IcmpCode = code;
        context.Emit(e, Details(c, fromClient, node, senderSide));
    }

    private FlowEvent Base(SimConnection c, long time, bool fromClient, ClusterNode node)
    {
        var (src, dst) = Ends(c, fromClient);
        var e = default(FlowEvent);
        e.Reset();
        e.TimeUnixNanos = time;
        e.Origin = FlowOrigin.Simulator;
        e.Verdict = Verdict.Forwarded;
        e.NodeName = node.Name;
        e.SourceIp = src.Ip;
        e.DestinationIp = dst.Ip;
        e.SourcePort = fromClient ? c.ClientPort : c.ServerPort;
        e.DestinationPort = fromClient ? c.ServerPort : c.ClientPort;
        e.Protocol = c.Protocol;
        e.Source = src.ViewFrom(node);
        e.Destination = dst.ViewFrom(node);
        if (c.Service is { } service)
        {
            if (fromClient)
            {
                e.Destination.ServiceName = service.Name;
            }
            else
            {
                e.Source.ServiceName = service.Name;
            }
        }

        e.Reply = fromClient ? ReplyState.Request : ReplyState.Reply;
        if (context.Options.IncludeLabels)
        {
            e.Label = c.Tag.Label;
        }

        return e;
    }

    private HubbleFlowDetails Details(SimConnection c, bool fromClient, ClusterNode node, bool senderSide)
    {
        var (src, dst) = Ends(c, fromClient);
        // The packet crosses the pod's veth: leaving a pod it goes pod -> lxc, entering one lxc -> pod.
        var (srcMac, dstMac) = senderSide ? (src.Mac, src.HostMac) : (dst.HostMac, dst.Mac);
        return new HubbleFlowDetails
        {
            SourceEndpointId = src.LocalEndpointId(node),
            DestinationEndpointId = dst.LocalEndpointId(node),
            SourceMac = srcMac,
            DestinationMac = dstMac,
            Scenario = context.Options.IncludeLabels ? c.Tag.Scenario : null,
        };
    }

    private static (Peer Source, Peer Destination) Ends(SimConnection c, bool fromClient) =>
        fromClient ? (c.Client, c.Server) : (c.Server, c.Client);
}
