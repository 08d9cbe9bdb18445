using AutoShield.Core.Flows;
using AutoShield.Core.Net;

namespace AutoShield.Ingestion.Tests.Pcap;

public sealed class PcapReaderPcapNgTests
{
    private static readonly byte[] EthernetTcp =
        Packets.Ethernet(Packets.Ipv4("10.0.0.1", "10.0.0.2", 6, Packets.Tcp(1234, 80, TcpFlags.Syn, 0)));

    private static readonly byte[] RawUdp6 = Packets.Ipv6("fd00::1", "fd00::2", 17, Packets.Udp(5000, 53, 40));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TryRead_TwoInterfacesWithDifferentLinkTypesAndResolutions_UsesEachInterface(bool bigEndian)
    {
        var capture = new PcapNgBuilder(bigEndian)
            .Interface(linkType: 1)
            .Interface(linkType: 229, tsresol: 9)
            .Enhanced(0, 1_499_082_271_590_705, EthernetTcp)
            .Enhanced(1, 1_499_082_271_590_705_123, RawUdp6)
            .ToArray();

        var read = CaptureRead.Of(capture);

        Assert.Empty(read.Errors);
        Assert.Equal(2, read.Events.Count);
        var (tcp, udp) = (read.Events[0], read.Events[1]);
        Assert.Equal(1_499_082_271_590_705_000, tcp.TimeUnixNanos);
        Assert.Equal((IpAddr.Parse("10.0.0.1"), (ushort)1234, IpProtocol.Tcp, TcpFlags.Syn), (tcp.SourceIp, tcp.SourcePort, tcp.Protocol, tcp.Flags));
        Assert.Equal(1_499_082_271_590_705_123, udp.TimeUnixNanos);
        Assert.Equal((IpAddr.Parse("fd00::2"), (ushort)53, IpProtocol.Udp, 40L), (udp.DestinationIp, udp.DestinationPort, udp.Protocol, udp.PayloadBytes));
        Assert.All(read.Events, e => Assert.Equal((FlowOrigin.Pcap, FlowEventKind.Trace, Verdict.Forwarded), (e.Origin, e.Kind, e.Verdict)));
    }

    [Theory]
    [InlineData(3, 1_500_000_000_123, 1_500_000_000_123_000_000)]
    [InlineData(12, 10_000_123_456_789_012, 10_000_123_456_789)]
    [InlineData(0x80 | 20, (1_500_000_000UL << 20) | (1UL << 19), 1_500_000_000_500_000_000)]
    [InlineData(0x80 | 32, (1_000UL << 32) | (1UL << 30), 1_000_250_000_000)]
    public void TryRead_TsresolOption_ConvertsUnitsToNanoseconds(byte tsresol, ulong units, long expectedNanos)
    {
        var capture = new PcapNgBuilder().Interface(1, tsresol).Enhanced(0, units, EthernetTcp).ToArray();

        var e = Assert.Single(CaptureRead.Of(capture).Events);

        Assert.Equal(expectedNanos, e.TimeUnixNanos);
    }

    [Fact]
    public void TryRead_TsoffsetOption_AddsSeconds()
    {
        var capture = new PcapNgBuilder().Interface(1, tsoffsetSeconds: 1_500_000_000).Enhanced(0, 2_000_001, EthernetTcp).ToArray();

        Assert.Equal(1_500_000_002_000_001_000, Assert.Single(CaptureRead.Of(capture).Events).TimeUnixNanos);
    }

    [Fact]
    public void TryRead_SimpleAndObsoletePacketBlocks_AreRead()
    {
        var capture = new PcapNgBuilder()
            .Interface(1)
            .ObsoletePacket(0, 7_000_000, EthernetTcp)
            .Simple(EthernetTcp)
            .ToArray();

        var read = CaptureRead.Of(capture);

        Assert.Empty(read.Errors);
        Assert.Equal(2, read.Events.Count);
        Assert.Equal(7_000_000_000, read.Events[0].TimeUnixNanos);
        // A simple packet block has no timestamp of its own: it keeps the previous packet's.
        Assert.Equal(7_000_000_000, read.Events[1].TimeUnixNanos);
        Assert.All(read.Events, e => Assert.Equal(1234, e.SourcePort));
    }

    [Fact]
    public void TryRead_OtherBlockTypes_AreSteppedOver()
    {
        var capture = new PcapNgBuilder()
            .Interface(1)
            .Block(4, new byte[12])
            .Block(5, new byte[20])
            .Block(0x00000BAD, new byte[8])
            .Enhanced(0, 1, EthernetTcp)
            .ToArray();

        var read = CaptureRead.Of(capture);

        Assert.Empty(read.Errors);
        Assert.Single(read.Events);
    }

    [Fact]
    public void TryRead_SecondSectionInOtherByteOrder_StartsFreshInterfaces()
    {
        var capture = new PcapNgBuilder(bigEndian: false)
            .Interface(1)
            .Enhanced(0, 1, EthernetTcp)
            .Section(bigEndian: true)
            .Interface(229, tsresol: 9)
            .Enhanced(0, 5, RawUdp6)
            .ToArray();

        var read = CaptureRead.Of(capture);

        Assert.Empty(read.Errors);
        Assert.Equal([IpProtocol.Tcp, IpProtocol.Udp], read.Events.Select(e => e.Protocol));
        Assert.Equal([1_000L, 5L], read.Events.Select(e => e.TimeUnixNanos));
    }

    [Fact]
    public void TryRead_PacketOnUnknownInterface_ReportsAndCarriesOn()
    {
        var capture = new PcapNgBuilder().Interface(1).Enhanced(3, 1, EthernetTcp).Enhanced(0, 2, EthernetTcp).ToArray();

        var read = CaptureRead.Of(capture);

        var error = Assert.Single(read.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains("expected an interface id below 1, got 3", error.Message, StringComparison.Ordinal);
        Assert.Equal(2_000, Assert.Single(read.Events).TimeUnixNanos);
    }

    [Fact]
    public void TryRead_CapturedLengthBeyondBlock_ReportsAndCarriesOn()
    {
        var capture = new PcapNgBuilder().Interface(1).Enhanced(0, 1, EthernetTcp, declaredCapturedLength: 4000).Enhanced(0, 2, EthernetTcp).ToArray();

        var read = CaptureRead.Of(capture);

        var error = Assert.Single(read.Errors);
        Assert.Equal(1, error.Line);
        Assert.Matches("^packet 1 at byte offset [0-9]+: expected 4000 captured bytes", error.Message);
        Assert.Single(read.Events);
    }
}
