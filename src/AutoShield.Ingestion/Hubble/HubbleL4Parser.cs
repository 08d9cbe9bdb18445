using System.Text.Json;
using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Hubble;

/// <summary>Reads flow.<c>l4</c>: one of TCP, UDP, SCTP (ports, TCP flags) or ICMPv4/ICMPv6 (type, code).</summary>
internal static class HubbleL4Parser
{
    public static void Read(ref Utf8JsonReader reader, HubbleParseContext context, ref FlowEvent flowEvent)
    {
        if (!HubbleJson.IsObject(ref reader, "flow.l4"))
        {
            return;
        }

        while (true)
        {
            HubbleJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return;
            }

            var name = context.Name(ref reader);
            HubbleJson.Next(ref reader);
            if (name.SequenceEqual("TCP"u8))
            {
                Ports(ref reader, context, ref flowEvent, IpProtocol.Tcp, "flow.l4.TCP");
            }
            else if (name.SequenceEqual("UDP"u8))
            {
                Ports(ref reader, context, ref flowEvent, IpProtocol.Udp, "flow.l4.UDP");
            }
            else if (name.SequenceEqual("ICMPv4"u8))
            {
                Icmp(ref reader, context, ref flowEvent, IpProtocol.Icmp, "flow.l4.ICMPv4");
            }
            else if (name.SequenceEqual("ICMPv6"u8))
            {
                Icmp(ref reader, context, ref flowEvent, IpProtocol.IcmpV6, "flow.l4.ICMPv6");
            }
            else if (name.SequenceEqual("SCTP"u8))
            {
                Ports(ref reader, context, ref flowEvent, IpProtocol.Sctp, "flow.l4.SCTP");
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static void Ports(ref Utf8JsonReader reader, HubbleParseContext context, ref FlowEvent flowEvent, IpProtocol protocol, string field)
    {
        if (!HubbleJson.IsObject(ref reader, field))
        {
            return;
        }

        flowEvent.Protocol = protocol;
        while (true)
        {
            HubbleJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return;
            }

            var name = context.Name(ref reader);
            HubbleJson.Next(ref reader);
            if (name.SequenceEqual("source_port"u8))
            {
                flowEvent.SourcePort = (ushort)HubbleJson.UInt32(ref reader, PortField(protocol, source: true), ushort.MaxValue);
            }
            else if (name.SequenceEqual("destination_port"u8))
            {
                flowEvent.DestinationPort = (ushort)HubbleJson.UInt32(ref reader, PortField(protocol, source: false), ushort.MaxValue);
            }
            else if (name.SequenceEqual("flags"u8) && protocol == IpProtocol.Tcp)
            {
                flowEvent.Flags = Flags(ref reader, context);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    // Constant names, so the happy path builds no strings for messages it will not need.
    private static string PortField(IpProtocol protocol, bool source) => protocol switch
    {
        IpProtocol.Tcp => source ? "flow.l4.TCP.source_port" : "flow.l4.TCP.destination_port",
        IpProtocol.Udp => source ? "flow.l4.UDP.source_port" : "flow.l4.UDP.destination_port",
        _ => source ? "flow.l4.SCTP.source_port" : "flow.l4.SCTP.destination_port",
    };

    private static TcpFlags Flags(ref Utf8JsonReader reader, HubbleParseContext context)
    {
        const string Field = "flow.l4.TCP.flags";
        var flags = TcpFlags.None;
        if (!HubbleJson.IsObject(ref reader, Field))
        {
            return flags;
        }

        while (true)
        {
            HubbleJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return flags;
            }

            var flag = FlagOf(context.Name(ref reader));
            HubbleJson.Next(ref reader);
            if (flag == TcpFlags.None)
            {
                reader.Skip();
            }
            else if (HubbleJson.Bool(ref reader, Field) == true)
            {
                flags |= flag;
            }
        }
    }

    private static TcpFlags FlagOf(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 when name.SequenceEqual("NS"u8) => TcpFlags.Ns,
        3 when name.SequenceEqual("ACK"u8) => TcpFlags.Ack,
        3 when name.SequenceEqual("SYN"u8) => TcpFlags.Syn,
        3 when name.SequenceEqual("FIN"u8) => TcpFlags.Fin,
        3 when name.SequenceEqual("RST"u8) => TcpFlags.Rst,
        3 when name.SequenceEqual("PSH"u8) => TcpFlags.Psh,
        3 when name.SequenceEqual("URG"u8) => TcpFlags.Urg,
        3 when name.SequenceEqual("ECE"u8) => TcpFlags.Ece,
        3 when name.SequenceEqual("CWR"u8) => TcpFlags.Cwr,
        _ => TcpFlags.None,
    };

    private static void Icmp(ref Utf8JsonReader reader, HubbleParseContext context, ref FlowEvent flowEvent, IpProtocol protocol, string field)
    {
        if (!HubbleJson.IsObject(ref reader, field))
        {
            return;
        }

        flowEvent.Protocol = protocol;
        while (true)
        {
            HubbleJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return;
            }

            var name = context.Name(ref reader);
            HubbleJson.Next(ref reader);
            if (name.SequenceEqual("type"u8))
            {
                flowEvent.IcmpType = (byte)HubbleJson.UInt32(ref reader, protocol == IpProtocol.Icmp ? "flow.l4.ICMPv4.type" : "flow.l4.ICMPv6.type", byte.MaxValue);
            }
            else if (name.SequenceEqual("code"u8))
            {
                flowEvent.IcmpCode = (byte)HubbleJson.UInt32(ref reader, protocol == IpProtocol.Icmp ? "flow.l4.ICMPv4.code" : "flow.l4.ICMPv6.code", byte.MaxValue);
            }
            else
            {
                reader.Skip();
            }
        }
    }
}
