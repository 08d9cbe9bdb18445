using AutoShield.Core.Flows;
using AutoShield.Core.Net;

namespace AutoShield.Ingestion.Tests.Pcap;

public sealed class PcapReaderLinkTypeTests
{
    public static TheoryData<string, int, byte[], string> Frames()
    {
        var v4 = Packets.Ipv4("172.16.0.1", "192.168.10.50", 6, Packets.Tcp(33000, 80, TcpFlags.Syn, 0));
        var v6 = Packets.Ipv6("fd00::a", "fd00::b", 6, Packets.Tcp(33000, 80, TcpFlags.Syn, 0));
        return new TheoryData<string, int, byte[], string>
        {
            { "raw v4", 101, v4, "172.16.0.1" },
            { "raw v6", 101, v6, "fd00::a" },
            { "ipv4", 228, v4, "172.16.0.1" },
            { "ipv6", 229, v6, "fd00::a" },
            { "sll", 113, Packets.LinuxSll(v4, Packets.EtherIpv4), "172.16.0.1" },
            { "sll vlan", 113, Packets.LinuxSll([0x00, 0x07, 0x86, 0xDD, .. v6], 0x8100), "fd00::a" },
            { "sll2", 276, Packets.LinuxSll2(v6, Packets.EtherIpv6), "fd00::a" },
            { "null little-endian", 0, Packets.Loopback(v4, 2, bigEndian: false), "172.16.0.1" },
            { "null big-endian", 0, Packets.Loopback(v4, 2, bigEndian: true), "172.16.0.1" },
            { "null macOS inet6", 0, Packets.Loopback(v6, 30, bigEndian: false), "fd00::a" },
            { "null Linux inet6", 0, Packets.Loopback(v6, 10, bigEndian: true), "fd00::a" },
            { "loop", 108, Packets.Loopback(v4, 2, bigEndian: true), "172.16.0.1" },
        };
    }

    [Theory]
    [MemberData(nameof(Frames))]
    public void TryRead_EachLinkType_FindsTheIpPacket(string name, int linkType, byte[] frame, string source)
    {
        var capture = new PcapBuilder(linkType).Add(1_000_000_000, frame).ToArray();

        var read = CaptureRead.Of(capture);

        Assert.True(read.Errors.Count == 0, name);
        var e = Assert.Single(read.Events);
        Assert.Equal(IpAddr.Parse(source), e.SourceIp);
        Assert.Equal((IpProtocol.Tcp, (ushort)33000, (ushort)80, TcpFlags.Syn, 0L), (e.Protocol, e.SourcePort, e.DestinationPort, e.Flags, e.PayloadBytes));
    }

    [Fact]
    public void TryRead_UnsupportedLinkType_ReportsOnceAndSkipsItsPackets()
    {
        var frame = new byte[40];
        var capture = new PcapBuilder(linkType: 105).Add(1, frame).Add(2, frame).Add(3, frame).ToArray();

        var read = CaptureRead.Of(capture);

        Assert.Empty(read.Events);
        var error = Assert.Single(read.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains("link type", error.Message, StringComparison.Ordinal);
        Assert.Contains("got 105", error.Message, StringComparison.Ordinal);
        Assert.Equal((1L, 2L), (read.Counters.Bad, read.Counters.Skipped));
    }

    [Fact]
    public void TryRead_NullLinkTypeWithUnknownFamily_IsSkipped()
    {
        var capture = new PcapBuilder(linkType: 0).Add(1, Packets.Loopback(new byte[20], 7, bigEndian: false)).ToArray();

        var read = CaptureRead.Of(capture);

        Assert.Empty(read.Events);
        Assert.Equal(1, read.Counters.Skipped);
    }
}
