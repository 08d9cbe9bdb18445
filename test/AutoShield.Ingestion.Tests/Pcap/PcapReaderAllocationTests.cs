using AutoShield.Core.Flows;
using AutoShield.Ingestion.Pcap;

namespace AutoShield.Ingestion.Tests.Pcap;

public sealed class PcapReaderAllocationTests
{
    private const long PacketCount = 20_000;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TryRead_SteadyState_AllocatesNothingPerPacket(bool pcapNg)
    {
        var frames = new[]
        {
            Packets.Ethernet(Packets.Ipv4("10.0.0.1", "10.0.0.2", 6, Packets.Tcp(1234, 80, TcpFlags.Ack, 200))),
            Packets.Ethernet(Packets.Ipv6("fd00::1", "fd00::2", 17, Packets.Udp(5000, 53, 40), Packets.Options(0)), Packets.EtherIpv6),
            Packets.Arp(),
        };
        var classic = new PcapBuilder();
        var ng = new PcapNgBuilder().Interface(1);
        for (var i = 0; i < PacketCount * 3 / 2; i++)
        {
            classic.Add(i * 1000L, frames[i % 3]);
            ng.Enhanced(0, (ulong)i, frames[i % 3]);
        }

        using var reader = new PcapReader(new MemoryStream(pcapNg ? ng.ToArray() : classic.ToArray()), "alloc.pcap");
        var flowEvent = default(FlowEvent);
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(reader.TryRead(ref flowEvent));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        while (reader.TryRead(ref flowEvent))
        {
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(PacketCount, reader.Counters.Good);
        // Any per-packet object costs at least 24 bytes; under one byte per packet leaves room only for one-off runtime work.
        Assert.InRange(allocated, 0, PacketCount - 1000);
    }
}
