using System.Buffers.Binary;

namespace AutoShield.Ingestion.Pcap;

/// <summary>
/// Strips the link-layer header (Ethernet with 802.1Q/802.1ad tags, Linux cooked SLL and SLL2, BSD null/loopback,
/// raw IP) and says which IP version follows and where.
/// </summary>
internal static class LinkLayerDecoder
{
    private const ushort EtherTypeIpv4 = 0x0800;
    private const ushort EtherTypeIpv6 = 0x86DD;
    private const ushort EtherTypeVlan = 0x8100;
    private const ushort EtherTypeQinQ = 0x88A8;
    private const ushort EtherTypeQinQLegacy = 0x9100;

    /// <summary>Finds the IP header; <paramref name="ipVersion"/> is 4 or 6 when Decoded.</summary>
    public static DecodeStatus Decode(int linkType, ReadOnlySpan<byte> frame, out int ipOffset, out int ipVersion, out DecodeFailure failure)
    {
        ipOffset = 0;
        ipVersion = 0;
        failure = default;
        switch (linkType)
        {
            case LinkType.Ethernet:
                return EtherType(frame, 12, out ipOffset, out ipVersion, out failure);
            case LinkType.LinuxSll:
                return EtherType(frame, 14, out ipOffset, out ipVersion, out failure);
            case LinkType.LinuxSll2:
                if (frame.Length < 20)
                {
                    failure = new DecodeFailure(0, $"a 20-byte Linux SLL2 header, got {frame.Length} bytes");
                    return DecodeStatus.Malformed;
                }

                return FromEtherType(frame, BinaryPrimitives.ReadUInt16BigEndian(frame), 20, out ipOffset, out ipVersion, out failure);
            case LinkType.Null or LinkType.Loop:
                return Loopback(frame, linkType == LinkType.Loop, out ipOffset, out ipVersion, out failure);
            case LinkType.Raw:
                return RawIp(frame, out ipVersion, out failure);
            case LinkType.Ipv4:
                ipVersion = 4;
                return DecodeStatus.Decoded;
            case LinkType.Ipv6:
                ipVersion = 6;
                return DecodeStatus.Decoded;
            default:
                return DecodeStatus.UnsupportedLinkType;
        }
    }

    /// <summary>Reads the EtherType at <paramref name="typeOffset"/>; the payload starts right after it.</summary>
    private static DecodeStatus EtherType(ReadOnlySpan<byte> frame, int typeOffset, out int ipOffset, out int ipVersion, out DecodeFailure failure)
    {
        if (frame.Length < typeOffset + 2)
        {
            ipOffset = 0;
            ipVersion = 0;
            failure = new DecodeFailure(0, $"a {typeOffset + 2}-byte link-layer header, got {frame.Length} bytes");
            return DecodeStatus.Malformed;
        }

        return FromEtherType(frame, BinaryPrimitives.ReadUInt16BigEndian(frame[typeOffset..]), typeOffset + 2, out ipOffset, out ipVersion, out failure);
    }

    private static DecodeStatus FromEtherType(ReadOnlySpan<byte> frame, ushort etherType, int payloadOffset, out int ipOffset, out int ipVersion, out DecodeFailure failure)
    {
        failure = default;
        ipVersion = 0;
        // VLAN tags (802.1Q, 802.1ad and the pre-standard 0x9100) are 4 bytes each: TCI then the inner EtherType.
        while (etherType is EtherTypeVlan or EtherTypeQinQ or EtherTypeQinQLegacy)
        {
            if (frame.Length < payloadOffset + 4)
            {
                ipOffset = payloadOffset;
                failure = new DecodeFailure(payloadOffset, $"a 4-byte VLAN tag, got {frame.Length - payloadOffset} bytes");
                return DecodeStatus.Malformed;
            }

            etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[(payloadOffset + 2)..]);
            payloadOffset += 4;
        }

        ipOffset = payloadOffset;
        ipVersion = etherType switch
        {
            EtherTypeIpv4 => 4,
            EtherTypeIpv6 => 6,
            _ => 0,
        };
        return ipVersion == 0 ? DecodeStatus.Skipped : DecodeStatus.Decoded;
    }

    private static DecodeStatus Loopback(ReadOnlySpan<byte> frame, bool networkOrder, out int ipOffset, out int ipVersion, out DecodeFailure failure)
    {
        ipOffset = 4;
        ipVersion = 0;
        failure = default;
        if (frame.Length < 4)
        {
            failure = new DecodeFailure(0, $"a 4-byte loopback header, got {frame.Length} bytes");
            return DecodeStatus.Malformed;
        }

        // LINKTYPE_NULL holds the family in the capturing host's byte order, which the file does not record:
        // a family is a small number, so whichever reading fits in 16 bits is the right one.
        var family = networkOrder ? BinaryPrimitives.ReadUInt32BigEndian(frame) : BinaryPrimitives.ReadUInt32LittleEndian(frame);
        if (family > 0xFFFF)
        {
            family = BinaryPrimitives.ReverseEndianness(family);
        }

        ipVersion = family switch
        {
            2 => 4,
            // AF_INET6 differs by OS: Linux 10, the BSDs 24, FreeBSD 28, macOS 30.
            10 or 24 or 28 or 30 => 6,
            _ => 0,
        };
        return ipVersion == 0 ? DecodeStatus.Skipped : DecodeStatus.Decoded;
    }

    private static DecodeStatus RawIp(ReadOnlySpan<byte> frame, out int ipVersion, out DecodeFailure failure)
    {
        failure = default;
        ipVersion = frame.IsEmpty ? 0 : frame[0] >> 4;
        if (ipVersion is 4 or 6)
        {
            return DecodeStatus.Decoded;
        }

        failure = new DecodeFailure(0, frame.IsEmpty ? "an IP header, got 0 bytes" : $"IP version 4 or 6, got {ipVersion}");
        return DecodeStatus.Malformed;
    }
}
