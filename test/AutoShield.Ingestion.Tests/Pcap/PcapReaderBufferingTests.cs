using AutoShield.Core.Flows;
using AutoShield.Ingestion.Pcap;

namespace AutoShield.Ingestion.Tests.Pcap;

public sealed class PcapReaderBufferingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public void TryRead_StreamGivingFewBytesPerRead_ReadsTheSameEvents(int maxPerRead)
    {
        var capture = MixedCapture();
        var expected = CaptureRead.Of(capture).Events;

        var events = new List<FlowEvent>();
        using var reader = new PcapReader(new TrickleStream(capture, maxPerRead), "trickle.pcapng");
        var flowEvent = default(FlowEvent);
        while (reader.TryRead(ref flowEvent))
        {
            events.Add(flowEvent);
        }

        Assert.Equal(300, expected.Count);
        Assert.Equal(expected.Select(Key), events.Select(Key));
    }

    [Fact]
    public void TryRead_RecordLargerThanTheInitialBuffer_GrowsAndReadsIt()
    {
        // An offloaded (TSO) segment: bigger than any IPv4 length field, so the header says 0.
        var jumbo = Packets.Ethernet(Packets.Ipv4("10.0.0.1", "10.0.0.2", 17, Packets.Udp(9, 10, 200_000 - 8), totalLength: 0));
        var small = Packets.Ethernet(Packets.Ipv4("10.0.0.1", "10.0.0.2", 17, Packets.Udp(9, 10, 5)));
        var capture = new PcapNgBuilder().Interface(1).Enhanced(0, 1, small).Enhanced(0, 2, jumbo).Enhanced(0, 3, small).ToArray();

        var read = CaptureRead.Of(capture);

        Assert.Empty(read.Errors);
        Assert.Equal([5L, 200_000 - 8, 5L], read.Events.Select(e => e.PayloadBytes));
    }

    private static byte[] MixedCapture()
    {
        var builder = new PcapNgBuilder().Interface(1).Interface(101, tsresol: 9);
        for (var i = 0; i < 100; i++)
        {
            builder
                .Enhanced(0, (ulong)i, Packets.Ethernet(Packets.Ipv4("10.0.0.1", "10.0.0.2", 6, Packets.Tcp((ushort)(1000 + i), 80, TcpFlags.Ack, i * 13))))
                .Block(4, new byte[i % 5 * 4])
                .Enhanced(1, (ulong)i, Packets.Ipv6("fd00::1", "fd00::2", 17, Packets.Udp((ushort)i, 53, i)))
                .Simple(Packets.Ethernet(Packets.Ipv4("10.0.0.3", "10.0.0.4", 1, Packets.Icmp(8, 0, i))));
        }

        return builder.ToArray();
    }

    private static (long, ushort, IpProtocol, long) Key(FlowEvent e) => (e.TimeUnixNanos, e.SourcePort, e.Protocol, e.PayloadBytes);
}
