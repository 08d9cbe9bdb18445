using System.Buffers.Binary;
using System.Net;
using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Tests.Pcap;

/// <summary>Hand-assembled link, network and transport headers for capture tests (checksums left zero).</summary>
internal static class Packets
{
    public const ushort EtherIpv4 = 0x0800;
    public const ushort EtherIpv6 = 0x86DD;
    public const ushort EtherArp = 0x0806;

    public static byte[] Tcp(ushort sourcePort, ushort destinationPort, TcpFlags flags, int payloadBytes, int optionBytes = 0)
    {
        var header = 20 + optionBytes;
        var segment = new byte[header + payloadBytes];
        BinaryPrimitives.WriteUInt16BigEndian(segment, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), destinationPort);
        BinaryPrimitives.WriteUInt32BigEndian(segment.AsSpan(4), 1000);
        segment[12] = (byte)(((header / 4) << 4) | ((int)flags >> 8));
        segment[13] = (byte)flags;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(14), 65535);
        Fill(segment.AsSpan(header));
        return segment;
    }

    public static byte[] Udp(ushort sourcePort, ushort destinationPort, int payloadBytes)
    {
        var segment = new byte[8 + payloadBytes];
        BinaryPrimitives.WriteUInt16BigEndian(segment, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(4), (ushort)segment.Length);
        Fill(segment.AsSpan(8));
        return segment;
    }

    public static byte[] Icmp(byte type, byte code, int payloadBytes)
    {
        var message = new byte[8 + payloadBytes];
        message[0] = type;
        message[1] = code;
        Fill(message.AsSpan(8));
        return message;
    }

    /// <summary>An IPv4 datagram; <paramref name="fragment"/> is the flags/offset word (0x2000 = more fragments).</summary>
    public static byte[] Ipv4(string source, string destination, byte protocol, byte[] transport, ushort fragment = 0, int optionBytes = 0, int? totalLength = null)
    {
        var header = 20 + optionBytes;
        var packet = new byte[header + transport.Length];
        packet[0] = (byte)(0x40 | (header / 4));
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)(totalLength ?? packet.Length));
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(4), 0x1234);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(6), fragment);
        packet[8] = 64;
        packet[9] = protocol;
        IPAddress.Parse(source).GetAddressBytes().CopyTo(packet, 12);
        IPAddress.Parse(destination).GetAddressBytes().CopyTo(packet, 16);
        transport.CopyTo(packet, header);
        return packet;
    }

    /// <summary>An IPv6 packet; each extension header is (type, bytes) and the chain ends in <paramref name="protocol"/>.</summary>
    public static byte[] Ipv6(string source, string destination, byte protocol, byte[] transport, params (byte Type, byte[] Bytes)[] extensions)
    {
        var extensionBytes = extensions.Sum(e => e.Bytes.Length);
        var packet = new byte[40 + extensionBytes + transport.Length];
        packet[0] = 0x60;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(4), (ushort)(packet.Length - 40));
        packet[6] = extensions.Length > 0 ? extensions[0].Type : protocol;
        packet[7] = 64;
        IPAddress.Parse(source).GetAddressBytes().CopyTo(packet, 8);
        IPAddress.Parse(destination).GetAddressBytes().CopyTo(packet, 24);
        var offset = 40;
        for (var i = 0; i < extensions.Length; i++)
        {
            var bytes = extensions[i].Bytes;
            bytes.CopyTo(packet, offset);
            packet[offset] = i + 1 < extensions.Length ? extensions[i + 1].Type : protocol;
            offset += bytes.Length;
        }

        transport.CopyTo(packet, offset);
        return packet;
    }

    /// <summary>Hop-by-hop, routing or destination options header of 8 × (1 + <paramref name="extraUnits"/>) bytes.</summary>
    public static (byte Type, byte[] Bytes) Options(byte type, int extraUnits = 0)
    {
        var bytes = new byte[8 * (1 + extraUnits)];
        bytes[1] = (byte)extraUnits;
        return (type, bytes);
    }

    public static (byte Type, byte[] Bytes) Fragment(int offsetUnits, bool more)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), (ushort)((offsetUnits << 3) | (more ? 1 : 0)));
        return (44, bytes);
    }

    /// <summary>An Ethernet II frame; each tag in <paramref name="vlanTags"/> is a (TPID, VLAN id) pair, outermost first.</summary>
    public static byte[] Ethernet(byte[] payload, ushort etherType = EtherIpv4, params (ushort Tpid, ushort Id)[] vlanTags)
    {
        var frame = new byte[14 + (4 * vlanTags.Length) + payload.Length];
        byte[] destination = [0x02, 0, 0, 0, 0, 0x01];
        byte[] source = [0x02, 0, 0, 0, 0, 0x02];
        destination.CopyTo(frame, 0);
        source.CopyTo(frame, 6);
        var offset = 12;
        foreach (var (tpid, id) in vlanTags)
        {
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(offset), tpid);
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(offset + 2), id);
            offset += 4;
        }

        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(offset), etherType);
        payload.CopyTo(frame, offset + 2);
        return frame;
    }

    /// <summary>Linux cooked capture v1: packet type, ARPHRD, address length, 8-byte address, protocol.</summary>
    public static byte[] LinuxSll(byte[] payload, ushort etherType)
    {
        var frame = new byte[16 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), 6);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(14), etherType);
        payload.CopyTo(frame, 16);
        return frame;
    }

    /// <summary>Linux cooked capture v2: protocol first, then interface index, ARPHRD, packet type and address.</summary>
    public static byte[] LinuxSll2(byte[] payload, ushort etherType)
    {
        var frame = new byte[20 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, etherType);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), 3);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(8), 1);
        frame[11] = 6;
        payload.CopyTo(frame, 20);
        return frame;
    }

    /// <summary>BSD loopback: the address family as a 32-bit word in the capturing host's byte order.</summary>
    public static byte[] Loopback(byte[] payload, uint family, bool bigEndian)
    {
        var frame = new byte[4 + payload.Length];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(frame, family);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(frame, family);
        }

        payload.CopyTo(frame, 4);
        return frame;
    }

    public static byte[] Arp()
    {
        var arp = new byte[28];
        BinaryPrimitives.WriteUInt16BigEndian(arp, 1);
        BinaryPrimitives.WriteUInt16BigEndian(arp.AsSpan(2), EtherIpv4);
        arp[4] = 6;
        arp[5] = 4;
        return Ethernet(arp, EtherArp);
    }

    private static void Fill(Span<byte> payload)
    {
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] = (byte)('a' + (i % 26));
        }
    }
}
