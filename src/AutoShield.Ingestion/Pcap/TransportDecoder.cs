using System.Buffers.Binary;
using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Pcap;

/// <summary>
/// Reads ports, TCP flags or ICMP type and code, and the transport payload length (IP payload minus the transport
/// header). The header itself must be captured; the payload may have been cut by the snap length.
/// </summary>
internal static class TransportDecoder
{
    public static DecodeStatus Decode(ReadOnlySpan<byte> frame, int offset, int declaredLength, ref FlowEvent flowEvent, out DecodeFailure failure)
    {
        failure = default;
        var segment = frame.Slice(offset, Math.Min(frame.Length - offset, declaredLength));
        switch (flowEvent.Protocol)
        {
            case IpProtocol.Tcp:
                if (!Require(segment, offset, 20, "a 20-byte TCP header", out failure))
                {
                    return DecodeStatus.Malformed;
                }

                var headerLength = (segment[12] >> 4) * 4;
                if (headerLength < 20 || headerLength > segment.Length)
                {
                    failure = new DecodeFailure(offset + 12, $"a TCP header of {headerLength} bytes (at least 20), got {segment.Length} bytes");
                    return DecodeStatus.Malformed;
                }

                ReadPorts(segment, ref flowEvent);
                // NS is the low bit of the data-offset byte; the other eight flags fill the next byte.
                flowEvent.Flags = (TcpFlags)(((segment[12] & 0x01) << 8) | segment[13]);
                flowEvent.PayloadBytes = declaredLength - headerLength;
                return DecodeStatus.Decoded;
            case IpProtocol.Udp:
                return Fixed(segment, offset, declaredLength, 8, "an 8-byte UDP header", ports: true, ref flowEvent, out failure);
            case IpProtocol.Sctp:
                return Fixed(segment, offset, declaredLength, 12, "a 12-byte SCTP common header", ports: true, ref flowEvent, out failure);
            case IpProtocol.Icmp or IpProtocol.IcmpV6:
                var status = Fixed(segment, offset, declaredLength, 8, "an 8-byte ICMP header", ports: false, ref flowEvent, out failure);
                if (status == DecodeStatus.Decoded)
                {
                    flowEvent.IcmpType = segment[0];
                    flowEvent.IcmpCode = segment[1];
                }

                return status;
            default:
                // Other transports (GRE, ESP, ...) still show who talks to whom; they have no ports we know.
                flowEvent.PayloadBytes = declaredLength;
                return DecodeStatus.Decoded;
        }
    }

    private static DecodeStatus Fixed(
        ReadOnlySpan<byte> segment, int offset, int declaredLength, int headerLength, string what, bool ports, ref FlowEvent flowEvent, out DecodeFailure failure)
    {
        if (!Require(segment, offset, headerLength, what, out failure))
        {
            return DecodeStatus.Malformed;
        }

        if (ports)
        {
            ReadPorts(segment, ref flowEvent);
        }

        flowEvent.PayloadBytes = declaredLength - headerLength;
        return DecodeStatus.Decoded;
    }

    private static bool Require(ReadOnlySpan<byte> segment, int offset, int needed, string what, out DecodeFailure failure)
    {
        failure = default;
        if (segment.Length >= needed)
        {
            return true;
        }

        failure = new DecodeFailure(offset, $"{what}, got {segment.Length} bytes");
        return false;
    }

    private static void ReadPorts(ReadOnlySpan<byte> segment, ref FlowEvent flowEvent)
    {
        flowEvent.SourcePort = BinaryPrimitives.ReadUInt16BigEndian(segment);
        flowEvent.DestinationPort = BinaryPrimitives.ReadUInt16BigEndian(segment[2..]);
    }
}
