using AutoShield.Core.Flows;
using AutoShield.Ingestion.Dns;

namespace AutoShield.Ingestion.Connections;

/// <summary>
/// Folds one flow event into a connection state. Each packet is counted once: per direction, the first
/// observation point (node + point + kind) of a trace or drop event to report it becomes the counting observer,
/// and reports from other points only update verdicts, facts and L7 data. Policy-verdict events never count
/// unless no trace event ever reports their direction.
/// </summary>
internal static class FlowEvidence
{
    private const string Benign = "BENIGN";

    public static void ClaimInitiator(ref ConnectionState state, bool initiatorIsLow, InitiatorEvidence evidence)
    {
        if (evidence > state.InitiatorEvidence)
        {
            state.InitiatorEvidence = evidence;
            state.InitiatorIsHigh = !initiatorIsLow;
        }
    }

    /// <summary>Time, node, label, verdict and endpoint identities: what every kind of event contributes.</summary>
    public static void ApplyCommon(ref ConnectionState state, in FlowEvent flowEvent, bool fromLow)
    {
        state.LastUnixNanos = Math.Max(state.LastUnixNanos, flowEvent.TimeUnixNanos);
        state.StartUnixNanos = Math.Min(state.StartUnixNanos, flowEvent.TimeUnixNanos);
        state.NodeName ??= flowEvent.NodeName;
        var label = flowEvent.Label;
        if (label is not null && (state.Label is null || (IsBenign(state.Label) && !IsBenign(label))))
        {
            state.Label = label;
        }

        if (flowEvent.IsDropped || flowEvent.Kind == FlowEventKind.Drop)
        {
            state.Dropped = true;
            state.DropReason ??= flowEvent.DropReason;
        }

        ref var sender = ref fromLow ? ref state.Low : ref state.High;
        ref var receiver = ref fromLow ? ref state.High : ref state.Low;
        MergeEndpoint(ref sender.Endpoint, flowEvent.Source);
        MergeEndpoint(ref receiver.Endpoint, flowEvent.Destination);

        if (flowEvent.Reply == ReplyState.Request)
        {
            ClaimInitiator(ref state, fromLow, InitiatorEvidence.ReplyFlag);
        }
        else if (flowEvent.Reply == ReplyState.Reply)
        {
            ClaimInitiator(ref state, !fromLow, InitiatorEvidence.ReplyFlag);
        }
    }

    /// <summary>Applies a trace, drop or policy-verdict event.</summary>
    /// <returns>False when the packet was already counted at another observation point.</returns>
    public static bool ApplyPacket(ref ConnectionState state, in FlowEvent flowEvent, bool fromLow)
    {
        state.Facts |= ConnectionFacts.AnyL4;
        ref var sender = ref fromLow ? ref state.Low : ref state.High;
        sender.Facts |= SideFacts.ObservedL4;
        if (flowEvent.Protocol == IpProtocol.Tcp)
        {
            ApplyTcpFlags(ref state, ref sender, flowEvent.Flags, fromLow);
        }
        else if (flowEvent.Protocol is IpProtocol.Icmp or IpProtocol.IcmpV6)
        {
            ApplyIcmpType(ref state, flowEvent, fromLow);
        }

        if (flowEvent.PayloadBytes > 0)
        {
            sender.Facts |= SideFacts.SentData;
        }

        if (flowEvent.Kind == FlowEventKind.PolicyVerdict)
        {
            // A verdict describes a packet a trace event also reports; count it only while nothing else does.
            if (!sender.Has(SideFacts.HasObserver))
            {
                Count(ref sender, flowEvent);
                sender.Facts |= SideFacts.CountsFromVerdicts;
            }

            return true;
        }

        if (!sender.Has(SideFacts.HasObserver))
        {
            if (sender.Has(SideFacts.CountsFromVerdicts))
            {
                ResetCounts(ref sender);
            }

            sender.Facts |= SideFacts.HasObserver;
            sender.ObserverNode = flowEvent.NodeName;
            sender.ObserverPoint = flowEvent.ObservationPoint;
            sender.ObserverKind = flowEvent.Kind;
        }
        else if (sender.ObserverPoint != flowEvent.ObservationPoint
            || sender.ObserverKind != flowEvent.Kind
            || !string.Equals(sender.ObserverNode, flowEvent.NodeName, StringComparison.Ordinal))
        {
            return false;
        }

        Count(ref sender, flowEvent);
        return true;
    }

    public static void ApplyL7(ref ConnectionState state, in FlowEvent flowEvent, bool fromLow)
    {
        ref var sender = ref fromLow ? ref state.Low : ref state.High;
        var l7 = flowEvent.L7;
        if (l7.Type == L7FlowType.Request)
        {
            ClaimInitiator(ref state, fromLow, InitiatorEvidence.ReplyFlag);
            state.Facts |= ConnectionFacts.L7Request;
            sender.Facts |= SideFacts.SentL7Request;
        }
        else if (l7.Type == L7FlowType.Response)
        {
            ClaimInitiator(ref state, !fromLow, InitiatorEvidence.ReplyFlag);
            state.Facts |= ConnectionFacts.L7Response;
            sender.Facts |= SideFacts.SentL7Response;
        }

        state.HttpStatus = Math.Max(state.HttpStatus, l7.HttpCode);
        if (l7.DnsRcode >= 0)
        {
            // Several answers on one tuple (A and AAAA): an error code wins over NOERROR.
            state.DnsRcode = Math.Max(state.DnsRcode, l7.DnsRcode);
        }

        if (l7.DnsQuery is { } query)
        {
            // Keep the name with the longest label: the one that carries encoded data, if any does. Of names with
            // equally long labels the shortest: the name itself rather than its search-path expansions.
            var longest = DnsLabels.LongestLabel(query);
            if (state.DnsQuery is null || longest > state.DnsQueryLongestLabel
                || (longest == state.DnsQueryLongestLabel && query.Length < state.DnsQuery.Length))
            {
                state.DnsQuery = query;
                state.DnsQueryLongestLabel = longest;
            }
        }
    }

    /// <summary>Applies a Tetragon socket event: a connect() names the initiator; a close may carry byte counts.</summary>
    /// <returns>True when the event is a close.</returns>
    public static bool ApplySocket(ref ConnectionState state, in FlowEvent flowEvent, bool fromLow)
    {
        state.Facts |= ConnectionFacts.SocketSeen;
        var counts = flowEvent.Counts;
        var hasBytes = counts.ForwardBytes >= 0 || counts.BackwardBytes >= 0;
        var isClose = hasBytes || (flowEvent.Flags & (TcpFlags.Fin | TcpFlags.Rst)) != 0;
        if (!isClose)
        {
            ClaimInitiator(ref state, fromLow, InitiatorEvidence.Handshake);
            return false;
        }

        state.Facts |= ConnectionFacts.SocketClosed;
        ref var local = ref fromLow ? ref state.Low : ref state.High;
        ref var peer = ref fromLow ? ref state.High : ref state.Low;
        if (hasBytes)
        {
            state.Facts |= ConnectionFacts.SocketStats;
            local.Facts |= SideFacts.HasSocketBytes;
            peer.Facts |= SideFacts.HasSocketBytes;
            local.SocketBytes = Math.Max(0, counts.ForwardBytes);
            peer.SocketBytes = Math.Max(0, counts.BackwardBytes);
        }

        if (counts.ForwardPackets >= 0)
        {
            local.SocketPackets = counts.ForwardPackets;
        }

        if (counts.BackwardPackets >= 0)
        {
            peer.SocketPackets = counts.BackwardPackets;
        }

        return true;
    }

    public static bool IsSynOnly(in FlowEvent flowEvent) =>
        flowEvent.Protocol == IpProtocol.Tcp && (flowEvent.Flags & (TcpFlags.Syn | TcpFlags.Ack)) == TcpFlags.Syn;

    private static void ApplyTcpFlags(ref ConnectionState state, ref SideState sender, TcpFlags flags, bool fromLow)
    {
        var syn = (flags & TcpFlags.Syn) != 0;
        var ack = (flags & TcpFlags.Ack) != 0;
        var rst = (flags & TcpFlags.Rst) != 0;
        if (syn)
        {
            state.Facts |= ConnectionFacts.AnySyn;
            if (ack)
            {
                sender.Facts |= SideFacts.SentSynAck;
                ClaimInitiator(ref state, !fromLow, InitiatorEvidence.Handshake);
            }
            else
            {
                sender.Facts |= SideFacts.SentSynOnly;
                state.Facts |= ConnectionFacts.AnySynOnly;
                ClaimInitiator(ref state, fromLow, InitiatorEvidence.Handshake);
            }
        }
        else if (ack && !rst && state.Has(ConnectionFacts.AnySyn))
        {
            sender.Facts |= SideFacts.SentEstablishedAck;
        }

        sender.Facts |= rst ? SideFacts.SentRst : SideFacts.SentNonRst;
        if ((flags & TcpFlags.Fin) != 0)
        {
            sender.Facts |= SideFacts.SentFin;
        }

        if ((flags & TcpFlags.Psh) != 0)
        {
            sender.Facts |= SideFacts.SentData;
        }
    }

    private static void ApplyIcmpType(ref ConnectionState state, in FlowEvent flowEvent, bool fromLow)
    {
        var v6 = flowEvent.Protocol == IpProtocol.IcmpV6;
        var type = flowEvent.IcmpType;
        if (type == (v6 ? 128 : 8))
        {
            ClaimInitiator(ref state, fromLow, InitiatorEvidence.Handshake);
        }
        else if (type == (v6 ? 129 : 0))
        {
            ClaimInitiator(ref state, !fromLow, InitiatorEvidence.Handshake);
        }
    }

    private static void Count(ref SideState side, in FlowEvent flowEvent)
    {
        side.Packets++;
        var flags = flowEvent.Flags;
        if ((flags & TcpFlags.Syn) != 0)
        {
            side.Syn++;
        }

        if ((flags & TcpFlags.Ack) != 0)
        {
            side.Ack++;
        }

        if ((flags & TcpFlags.Rst) != 0)
        {
            side.Rst++;
        }

        if ((flags & TcpFlags.Fin) != 0)
        {
            side.Fin++;
        }

        if (flowEvent.PayloadBytes >= 0)
        {
            side.Facts |= SideFacts.HasPayload;
            side.PayloadBytes += flowEvent.PayloadBytes;
        }
    }

    private static void ResetCounts(ref SideState side)
    {
        side.Packets = 0;
        side.Syn = 0;
        side.Ack = 0;
        side.Rst = 0;
        side.Fin = 0;
        side.PayloadBytes = 0;
        side.Facts &= ~(SideFacts.CountsFromVerdicts | SideFacts.HasPayload);
    }

    private static void MergeEndpoint(ref FlowEndpoint current, in FlowEndpoint incoming)
    {
        // Keep the richest description: reports from some points (overlay, world) lack the pod.
        var currentEmpty = current.PodName is null && current.Workload is null && current.Namespace is null && current.Identity == 0;
        if (currentEmpty || (current.PodName is null && incoming.PodName is not null))
        {
            current = incoming;
        }
    }

    private static bool IsBenign(string label) => string.Equals(label, Benign, StringComparison.OrdinalIgnoreCase);
}
