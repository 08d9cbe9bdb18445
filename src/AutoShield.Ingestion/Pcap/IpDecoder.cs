using System.Buffers.Binary;
using AutoShield.Core.Flows;
using AutoShield.Core.Net;

namespace AutoShield.Ingestion.Pcap;

/// <summary>
/// Reads an IPv4 or IPv6 header into the flow event and finds the transport header: IPv4 options by header length,
/// IPv6 extension headers (hop-by-hop, routing, fragment, destination options, AH) by walking the chain. Only the
/// first fragment of a datagram carries the transport header, so later fragments are skipped.
/// </summary>
internal static class IpDecoder
{
    private const int Ipv6HeaderBytes = 40;

    /// <summary>
    /// On Decoded, <paramref name="transportOffset"/> is where the transport header starts in the frame and
    /// <paramref name="transportLength"/> how many bytes the IP header says follow it (which may be more than
    /// were captured when the capture was snapped).
    /// </summary>
    public static DecodeStatus Decode(
        ReadOnlySpan<byte> frame,
        int ipOffset,
        int ipVersion,
        bool snapped,
        ref FlowEvent flowEvent,
        out int transportOffset,
        out int transportLength,
        out DecodeFailure failure) => ipVersion == 4
        ? DecodeV4(frame, ipOffset, snapped, ref flowEvent, out transportOffset, out transportLength, out failure)
        : DecodeV6(frame, ipOffset, snapped, ref flowEvent, out transportOffset, out transportLength, out failure);

    private static DecodeStatus DecodeV4(
        ReadOnlySpan<byte> frame, int ipOffset, bool snapped, ref FlowEvent flowEvent, out int transportOffset, out int transportLength, out DecodeFailure failure)
    {
        transportOffset = 0;
        transportLength = 0;
        failure = default;
        var ip = frame[ipOffset..];
        if (ip.Length < 20)
        {
            failure = new DecodeFailure(ipOffset, $"a 20-byte IPv4 header, got {ip.Length} bytes");
            return DecodeStatus.Malformed;
        }

        if (ip[0] >> 4 != 4)
        {
            failure = new DecodeFailure(ipOffset, $"IP version 4, got {ip[0] >> 4}");
            return DecodeStatus.Malformed;
        }

        var headerLength = (ip[0] & 0x0F) * 4;
        if (headerLength < 20 || headerLength > ip.Length)
        {
            failure = new DecodeFailure(ipOffset, $"an IPv4 header of {headerLength} bytes (at least 20), got {ip.Length} bytes");
            return DecodeStatus.Malformed;
        }

        int totalLength = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
        if (totalLength == 0)
        {
            // Segmentation offload hands the capture a datagram bigger than 64 KiB with length 0: use what is there.
            totalLength = ip.Length;
        }

        if (totalLength < headerLength)
        {
            failure = new DecodeFailure(ipOffset + 2, $"an IPv4 total length of at least {headerLength}, got {totalLength}");
            return DecodeStatus.Malformed;
        }

        if (totalLength > ip.Length && !snapped)
        {
            failure = new DecodeFailure(ipOffset, $"an IPv4 packet of {totalLength} bytes, got {ip.Length} bytes");
            return DecodeStatus.Malformed;
        }

        flowEvent.SourceIp = IpAddr.FromV4(BinaryPrimitives.ReadUInt32BigEndian(ip[12..]));
        flowEvent.DestinationIp = IpAddr.FromV4(BinaryPrimitives.ReadUInt32BigEndian(ip[16..]));
        flowEvent.Protocol = (IpProtocol)ip[9];
        if ((BinaryPrimitives.ReadUInt16BigEndian(ip[6..]) & 0x1FFF) != 0)
        {
            return DecodeStatus.Skipped;
        }

        transportOffset = ipOffset + headerLength;
        transportLength = totalLength - headerLength;
        return DecodeStatus.Decoded;
    }

    private static DecodeStatus DecodeV6(
        ReadOnlySpan<byte> frame, int ipOffset, bool snapped, ref FlowEvent flowEvent, out int transportOffset, out int transportLength, out DecodeFailure failure)
    {
        transportOffset = 0;
        transportLength = 0;
        failure = default;
        var ip = frame[ipOffset..];
        if (ip.Length < Ipv6HeaderBytes)
        {
            failure = new DecodeFailure(ipOffset, $"a 40-byte IPv6 header, got {ip.Length} bytes");
            return DecodeStatus.Malformed;
        }

        if (ip[0] >> 4 != 6)
        {
            failure = new DecodeFailure(ipOffset, $"IP version 6, got {ip[0] >> 4}");
            return DecodeStatus.Malformed;
        }

        int payloadLength = BinaryPrimitives.ReadUInt16BigEndian(ip[4..]);
        if (payloadLength == 0)
        {
            // Jumbograms (and offloaded segments) say 0 here: use what was captured.
            payloadLength = ip.Length - Ipv6HeaderBytes;
        }

        if (Ipv6HeaderBytes + payloadLength > ip.Length && !snapped)
        {
            failure = new DecodeFailure(ipOffset, $"an IPv6 packet of {Ipv6HeaderBytes + payloadLength} bytes, got {ip.Length} bytes");
            return DecodeStatus.Malformed;
        }

        flowEvent.SourceIp = IpAddr.FromBytes(ip.Slice(8, 16));
        flowEvent.DestinationIp = IpAddr.FromBytes(ip.Slice(24, 16));
        var next = ip[6];
        var offset = Ipv6HeaderBytes;
        while (IsExtensionHeader(next))
        {
            var status = ExtensionHeader(ip, ipOffset, offset, next, out var length, out var skip, out failure);
            if (status != DecodeStatus.Decoded)
            {
                return status;
            }

            if (length > payloadLength - (offset - Ipv6HeaderBytes))
            {
                failure = new DecodeFailure(ipOffset + offset, $"an extension header within the IPv6 payload length {payloadLength}, got one of {length} bytes");
                return DecodeStatus.Malformed;
            }

            if (skip)
            {
                flowEvent.Protocol = (IpProtocol)ip[offset];
                return DecodeStatus.Skipped;
            }

            next = ip[offset];
            offset += length;
        }

        flowEvent.Protocol = (IpProtocol)next;
        transportOffset = ipOffset + offset;
        transportLength = payloadLength - (offset - Ipv6HeaderBytes);
        return DecodeStatus.Decoded;
    }

    private static bool IsExtensionHeader(byte next) => next is 0 or 43 or 44 or 51 or 60;

    /// <summary>Length of one extension header; <paramref name="skip"/> when it is a fragment header of a later fragment.</summary>
    private static DecodeStatus ExtensionHeader(
        ReadOnlySpan<byte> ip, int ipOffset, int offset, byte type, out int length, out bool skip, out DecodeFailure failure)
    {
        length = 0;
        skip = false;
        failure = default;
        var needed = type == 44 ? 8 : 2;
        if (ip.Length - offset < needed)
        {
            failure = new DecodeFailure(ipOffset + offset, $"an IPv6 extension header of at least {needed} bytes, got {ip.Length - offset} bytes");
            return DecodeStatus.Malformed;
        }

        length = type switch
        {
            44 => 8,
            // AH counts 4-byte units minus 2; the others count 8-byte units beyond the first.
            51 => (ip[offset + 1] + 2) * 4,
            _ => (ip[offset + 1] + 1) * 8,
        };
        if (ip.Length - offset < length)
        {
            failure = new DecodeFailure(ipOffset + offset, $"an IPv6 extension header of {length} bytes, got {ip.Length - offset} bytes");
            return DecodeStatus.Malformed;
        }

        skip = type == 44 && (BinaryPrimitives.ReadUInt16BigEndian(ip[(offset + 2)..]) >> 3) != 0;
        return DecodeStatus.Decoded;
    }
}
