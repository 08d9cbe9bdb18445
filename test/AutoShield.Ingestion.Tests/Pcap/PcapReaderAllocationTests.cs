using AutoShield.Core.Flows;
using AutoShield.Ingestion.Pcap;

namespace AutoShield.Ingestion.Tests.Pcap;

public sealed class PcapReaderAllocationTests
{
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
        for (var i = 0; i < 6000; i++)
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
        Assert.Equal(4000, reader.Counters.Good);
        Assert.Equal(0, allocated);
    }
}
