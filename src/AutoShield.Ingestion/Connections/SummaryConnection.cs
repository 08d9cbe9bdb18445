using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Connections;

/// <summary>
/// A whole-connection record (a CICFlowMeter row) as a <see cref="Connection"/>: Src is the initiator, Fwd its
/// direction. Counts the source lacks (-1) stay -1 for bytes and packets and become 0 for flags.
/// </summary>
/// <remarks>
/// Failed rows: nothing came back (no backward packets; else no backward bytes; else no ACK at all); a TCP row
/// with SYN but no ACK at all; or a TCP row whose every ACK rode on a RST (a SYN refused with RST/ACK, possibly
/// retried). UDP and others: failed only when nothing came back or the row is marked dropped.
/// </remarks>
internal static class SummaryConnection
{
    public static void Build(in FlowEvent row, out Connection connection)
    {
        var counts = row.Counts;
        connection = default;
        connection.Origin = row.Origin;
        connection.Protocol = row.Protocol;
        connection.InitiatorIp = row.SourceIp;
        connection.InitiatorPort = row.SourcePort;
        connection.ResponderIp = row.DestinationIp;
        connection.ResponderPort = row.DestinationPort;
        connection.Initiator = row.Source;
        connection.Responder = row.Destination;
        connection.NodeName = row.NodeName;
        connection.StartUnixNanos = row.TimeUnixNanos;
        connection.EndUnixNanos = row.TimeUnixNanos + Math.Max(0, counts.DurationNanos);
        connection.SynCount = Math.Max(0, counts.SynCount);
        connection.AckCount = Math.Max(0, counts.AckCount);
        connection.RstCount = Math.Max(0, counts.RstCount);
        connection.FinCount = Math.Max(0, counts.FinCount);
        connection.BytesSent = counts.ForwardBytes;
        connection.BytesReceived = counts.BackwardBytes;
        connection.PacketsSent = counts.ForwardPackets;
        connection.PacketsReceived = counts.BackwardPackets;

        var replied = counts.BackwardPackets >= 0 ? counts.BackwardPackets > 0
            : counts.BackwardBytes >= 0 ? counts.BackwardBytes > 0
            : connection.AckCount > 0;
        var refused = connection.SynCount > 0 && connection.RstCount > 0 && connection.AckCount <= connection.RstCount;
        var unanswered = connection.SynCount > 0 && connection.AckCount == 0;
        connection.ResponderReplied = replied;
        connection.HandshakeCompleted = row.Protocol == IpProtocol.Tcp ? replied && !refused && !unanswered : replied;
        connection.Dropped = row.IsDropped;
        connection.DropReason = row.DropReason;
        connection.End = ConnectionEnd.Summary;
        connection.HttpStatus = Math.Max(0, row.L7.HttpCode);
        connection.DnsRcode = row.L7.DnsRcode;
        connection.DnsQuery = row.L7.DnsQuery;
        connection.Label = row.Label;
    }
}
