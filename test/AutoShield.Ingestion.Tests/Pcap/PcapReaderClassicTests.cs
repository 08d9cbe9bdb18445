using AutoShield.Core.Flows;
using AutoShield.Core.Net;

namespace AutoShield.Ingestion.Tests.Pcap;

public sealed class PcapReaderClassicTests
{
    private const long Time = 1_499_082_271_590_705_123;

    [Theory]
    [InlineData(false, false, 1_499_082_271_590_705_000)]
    [InlineData(true, false, 1_499_082_271_590_705_000)]
    [InlineData(false, true, Time)]
    [InlineData(true, true, Time)]
    public void TryRead_EthernetIpv4Tcp_PinsEveryField(bool bigEndian, bool nanos, long expectedTime)
    {
        var flags = TcpFlags.Syn | TcpFlags.Ack | TcpFlags.Ns | TcpFlags.Ece;
        var frame = Packets.Ethernet(Packets.Ipv4("192.168.10.50", "10.0.0.7", 6, Packets.Tcp(44321, 443, flags, 100, optionBytes: 12)));
        var capture = new PcapBuilder(bigEndian: bigEndian, nanos: nanos).Add(Time, frame).ToArray();

        var read = CaptureRead.Of(capture);

        Assert.Empty(read.Errors);
        var e = Assert.Single(read.Events);
        Assert.Equal(FlowOrigin.Pcap, e.Origin);
        Assert.Equal(FlowEventKind.Trace, e.Kind);
        Assert.Equal(Verdict.Forwarded, e.Verdict);
        Assert.Equal(ReplyState.Unknown, e.Reply);
        Assert.Equal(expectedTime, e.TimeUnixNanos);
        Assert.Equal(IpAddr.Parse("192.168.10.50"), e.SourceIp);
        Assert.Equal(IpAddr.Parse("10.0.0.7"), e.DestinationIp);
        Assert.Equal(44321, e.SourcePort);
        Assert.Equal(443, e.DestinationPort);
        Assert.Equal(IpProtocol.Tcp, e.Protocol);
        Assert.Equal(flags, e.Flags);
        Assert.Equal(100, e.PayloadBytes);
        Assert.Equal(ConnectionCounts.Missing, e.Counts);
        Assert.Null(e.Label);
        Assert.Equal(1, read.Counters.Good);
    }

    [Fact]
    public void TryRead_VlanTaggedUdp_StripsEveryTag()
    {
        var udp = Packets.Ipv4("10.1.0.1", "10.1.0.2", 17, Packets.Udp(5353, 53, 33));
        var capture = new PcapBuilder()
            .Add(Time, Packets.Ethernet(udp, Packets.EtherIpv4, (0x8100, 100)))
            .Add(Time + 1000, Packets.Ethernet(udp, Packets.EtherIpv4, (0x88A8, 10), (0x8100, 20)))
            .ToArray();

        var read = CaptureRead.Of(capture);

        Assert.Empty(read.Errors);
        Assert.Equal(2, read.Events.Count);
        Assert.All(read.Events, e =>
        {
            Assert.Equal(IpProtocol.Udp, e.Protocol);
            Assert.Equal(IpAddr.Parse("10.1.0.1"), e.SourceIp);
            Assert.Equal(5353, e.SourcePort);
            Assert.Equal(53, e.DestinationPort);
            Assert.Equal(33, e.PayloadBytes);
            Assert.Equal(TcpFlags.None, e.Flags);
        });
    }

    [Fact]
    public void TryRead_Ipv6WithExtensionHeaders_FindsTcpBehindThem()
    {
        var packet = Packets.Ipv6(
            "fd00::1", "2001:db8::8a2e:370:7334", 6, Packets.Tcp(50000, 8080, TcpFlags.Psh | TcpFlags.Ack, 7),
            Packets.Options(0), Packets.Options(43, extraUnits: 1), Packets.Fragment(0, more: false), Packets.Options(60));
        var capture = new PcapBuilder().Add(Time, Packets.Ethernet(packet, Packets.EtherIpv6)).ToArray();

        var e = Assert.Single(CaptureRead.Of(capture).Events);

        Assert.Equal(IpAddr.Parse("fd00::1"), e.SourceIp);
        Assert.Equal(IpAddr.Parse("2001:db8::8a2e:370:7334"), e.DestinationIp);
        Assert.Equal(IpProtocol.Tcp, e.Protocol);
        Assert.Equal(50000, e.SourcePort);
        Assert.Equal(8080, e.DestinationPort);
        Assert.Equal(TcpFlags.Psh | TcpFlags.Ack, e.Flags);
        Assert.Equal(7, e.PayloadBytes);
    }

    [Fact]
    public void TryRead_IcmpV4AndV6_ReadsTypeAndCode()
    {
        var capture = new PcapBuilder()
            .Add(Time, Packets.Ethernet(Packets.Ipv4("10.0.0.1", "10.0.0.2", 1, Packets.Icmp(3, 3, 28))))
            .Add(Time, Packets.Ethernet(Packets.Ipv6("fe80::1", "fe80::2", 58, Packets.Icmp(128, 0, 56)), Packets.EtherIpv6))
            .ToArray();

        var events = CaptureRead.Of(capture).Events;

        Assert.Equal(2, events.Count);
        Assert.Equal((IpProtocol.Icmp, (byte)3, (byte)3, 28L, (ushort)0), (events[0].Protocol, events[0].IcmpType, events[0].IcmpCode, events[0].PayloadBytes, events[0].SourcePort));
        Assert.Equal((IpProtocol.IcmpV6, (byte)128, (byte)0, 56L), (events[1].Protocol, events[1].IcmpType, events[1].IcmpCode, events[1].PayloadBytes));
    }

    [Fact]
    public void TryRead_ArpBetweenIpPackets_SkipsArp()
    {
        var udp = Packets.Ethernet(Packets.Ipv4("10.0.0.1", "10.0.0.2", 17, Packets.Udp(1, 2, 0)));
        var capture = new PcapBuilder().Add(Time, udp).Add(Time, Packets.Arp()).Add(Time, udp).ToArray();

        var read = CaptureRead.Of(capture);

        Assert.Equal(2, read.Events.Count);
        Assert.Empty(read.Errors);
        Assert.Equal((2L, 1L, 0L), (read.Counters.Good, read.Counters.Skipped, read.Counters.Bad));
    }

    [Fact]
    public void TryRead_Ipv4Fragments_ParsesFirstAndSkipsTheRest()
    {
        var first = Packets.Ipv4("10.0.0.1", "10.0.0.2", 17, Packets.Udp(4000, 4001, 1472), fragment: 0x2000);
        var middle = Packets.Ipv4("10.0.0.1", "10.0.0.2", 17, new byte[1480], fragment: 0x2000 | 185);
        var last = Packets.Ipv4("10.0.0.1", "10.0.0.2", 17, new byte[100], fragment: 370);
        var capture = new PcapBuilder().Add(Time, Packets.Ethernet(first)).Add(Time, Packets.Ethernet(middle)).Add(Time, Packets.Ethernet(last)).ToArray();

        var read = CaptureRead.Of(capture);

        var e = Assert.Single(read.Events);
        Assert.Equal((4000, 4001, 1472L), (e.SourcePort, e.DestinationPort, e.PayloadBytes));
        Assert.Equal(2, read.Counters.Skipped);
        Assert.Empty(read.Errors);
    }

    [Fact]
    public void TryRead_Ipv6LaterFragment_IsSkipped()
    {
        var later = Packets.Ipv6("fd00::1", "fd00::2", 17, new byte[64], Packets.Fragment(181, more: false));
        var capture = new PcapBuilder().Add(Time, Packets.Ethernet(later, Packets.EtherIpv6)).ToArray();

        var read = CaptureRead.Of(capture);

        Assert.Empty(read.Events);
        Assert.Equal(1, read.Counters.Skipped);
    }

    [Fact]
    public void TryRead_EthernetPadding_TakesLengthFromIpHeader()
    {
        var frame = Packets.Ethernet(Packets.Ipv4("10.0.0.1", "10.0.0.2", 6, Packets.Tcp(1, 2, TcpFlags.Ack, 0)));
        var padded = frame.Concat(new byte[60 - frame.Length]).ToArray();
        var capture = new PcapBuilder().Add(Time, padded).ToArray();

        var e = Assert.Single(CaptureRead.Of(capture).Events);

        Assert.Equal(0, e.PayloadBytes);
    }

    [Fact]
    public void TryRead_SnappedPacket_TakesPayloadLengthFromHeaders()
    {
        var frame = Packets.Ethernet(Packets.Ipv4("10.0.0.1", "10.0.0.2", 6, Packets.Tcp(1, 2, TcpFlags.Ack, 1400)));
        var capture = new PcapBuilder(snapLength: 96).Add(Time, frame, capturedBytes: 96).ToArray();

        var read = CaptureRead.Of(capture);

        Assert.Empty(read.Errors);
        Assert.Equal(1400, Assert.Single(read.Events).PayloadBytes);
    }
}
