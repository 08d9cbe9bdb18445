using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Connections;

/// <summary>
/// Turns an assembled connection state into the <see cref="Connection"/> record: orients it by initiator, sums
/// the counted packets, picks the byte source and judges the handshake.
/// </summary>
/// <remarks>
/// TCP handshake, when the start was captured (a SYN without ACK was seen): the initiator sent the SYN, the
/// responder answered with SYN-ACK (or the responder's direction is not visible at all, as on a TO_OVERLAY-only
/// capture), and something proves the connection was established: an ACK without SYN/RST from either side or an
/// L7 request/response on the tuple. A SYN answered only by RST, or never answered, is not completed.
/// Mid-connection captures (no SYN seen): completed when both sides were seen and the responder sent more than
/// RST (an ACK scan draws only RSTs), or when only one side is visible and it carried data (PSH/payload), or an
/// L7 response was seen. Policy verdicts alone (no trace or drop event on either side): not judged failed, since
/// an allowed verdict reports only the first packet. UDP, ICMP and others: completed when the responder was seen at all.
/// </remarks>
internal static class ConnectionOutcome
{
    public static void Build(in ConnectionState state, in ConnectionKey key, ConnectionEnd end, out Connection connection)
    {
        var initiatorIsLow = !state.InitiatorIsHigh;
        ref readonly var initiator = ref initiatorIsLow ? ref state.Low : ref state.High;
        ref readonly var responder = ref initiatorIsLow ? ref state.High : ref state.Low;

        connection = default;
        connection.Origin = state.Origin;
        connection.Protocol = key.Protocol;
        connection.InitiatorIp = initiatorIsLow ? key.LowIp : key.HighIp;
        connection.InitiatorPort = initiatorIsLow ? key.LowPort : key.HighPort;
        connection.ResponderIp = initiatorIsLow ? key.HighIp : key.LowIp;
        connection.ResponderPort = initiatorIsLow ? key.HighPort : key.LowPort;
        connection.Initiator = initiator.Endpoint;
        connection.Responder = responder.Endpoint;
        connection.NodeName = state.NodeName;
        connection.StartUnixNanos = state.StartUnixNanos;
        connection.EndUnixNanos = state.LastUnixNanos;
        connection.SynCount = initiator.Syn + responder.Syn;
        connection.AckCount = initiator.Ack + responder.Ack;
        connection.RstCount = initiator.Rst + responder.Rst;
        connection.FinCount = initiator.Fin + responder.Fin;

        var anyL4 = state.Has(ConnectionFacts.AnyL4);
        connection.PacketsSent = anyL4 ? initiator.Packets : initiator.SocketPackets;
        connection.PacketsReceived = anyL4 ? responder.Packets : responder.SocketPackets;

        if (initiator.Has(SideFacts.HasSocketBytes) || responder.Has(SideFacts.HasSocketBytes))
        {
            connection.BytesSent = initiator.SocketBytes;
            connection.BytesReceived = responder.SocketBytes;
        }
        else if (initiator.Has(SideFacts.HasPayload) || responder.Has(SideFacts.HasPayload))
        {
            connection.BytesSent = initiator.PayloadBytes;
            connection.BytesReceived = responder.PayloadBytes;
        }
        else
        {
            connection.BytesSent = -1;
            connection.BytesReceived = -1;
        }

        connection.ResponderReplied = Replied(responder);
        connection.HandshakeCompleted = Completed(state, key, initiator, responder);
        connection.Dropped = state.Dropped;
        connection.DropReason = state.DropReason;
        connection.End = end;
        connection.HttpStatus = state.HttpStatus;
        connection.DnsRcode = state.DnsRcode;
        connection.DnsQuery = state.DnsQuery;
        connection.Label = state.Label;
    }

    private static bool Replied(in SideState responder) =>
        responder.Has(SideFacts.ObservedL4 | SideFacts.SentL7Response) || responder.SocketBytes > 0 || responder.SocketPackets > 0;

    private static bool Completed(in ConnectionState state, in ConnectionKey key, in SideState initiator, in SideState responder)
    {
        var l7Exchange = state.Has(ConnectionFacts.L7Request | ConnectionFacts.L7Response);
        if (key.Protocol != IpProtocol.Tcp)
        {
            return Replied(responder);
        }

        if (!state.Has(ConnectionFacts.AnyL4))
        {
            // L7-only or socket-only: a response, or a closed socket whose peer sent something (or that has no stats).
            return state.Has(ConnectionFacts.L7Response)
                || (state.Has(ConnectionFacts.SocketClosed)
                    && (!state.Has(ConnectionFacts.SocketStats) || responder.SocketBytes > 0 || responder.SocketPackets > 0));
        }

        if (!initiator.Has(SideFacts.HasObserver) && !responder.Has(SideFacts.HasObserver))
        {
            // Policy verdicts alone (an export filtered to them): an allowed first packet says nothing about the
            // answer, so there is no evidence of failure; a denied one is failed through Dropped.
            return true;
        }

        var responderVisible = responder.Has(SideFacts.ObservedL4);
        if (state.Has(ConnectionFacts.AnySynOnly))
        {
            var answered = responder.Has(SideFacts.SentSynAck | SideFacts.SentEstablishedAck) || !responderVisible;
            var established = initiator.Has(SideFacts.SentEstablishedAck) || responder.Has(SideFacts.SentEstablishedAck) || l7Exchange;
            return initiator.Has(SideFacts.SentSynOnly) && answered && established;
        }

        var initiatorVisible = initiator.Has(SideFacts.ObservedL4);
        if (initiatorVisible && responderVisible)
        {
            return responder.Has(SideFacts.SentNonRst);
        }

        return state.Has(ConnectionFacts.L7Response)
            || (initiatorVisible && initiator.Has(SideFacts.SentData))
            || (responderVisible && responder.Has(SideFacts.SentData));
    }
}
