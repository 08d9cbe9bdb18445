using System.Text;
using AutoShield.Core.Flows;
using AutoShield.Ingestion.CicFlowMeter;

namespace AutoShield.Ingestion.Tests.CicFlowMeter;

public sealed class CicFlowMeterReaderAllocationTests
{
    private const long Rows = 20_000;

    [Fact]
    public void TryRead_SteadyState_AllocatesNothingPerRow()
    {
        var csv = new StringBuilder("Src IP,Src Port,Dst IP,Dst Port,Protocol,Timestamp,Flow Duration,Total Fwd Packet,Total Bwd packets,"
            + "Total Length of Fwd Packet,Total Length of Bwd Packet,SYN Flag Count,ACK Flag Count,RST Flag Count,FIN Flag Count,Label\n");
        string[] labels = ["BENIGN", "DoS Hulk", "\"Web Attack, XSS\""];
        // IPv4 only: IpAddr.TryParse (Core) parses IPv6 text through System.Net.IPAddress, which allocates.
        for (var i = 0; i < Rows; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"192.168.10.{i % 250},{1024 + i},172.16.0.{i % 7 + 1},443,6,2017-07-05 13:43:{i % 60:00}.{i:000000},{i},3,2,{i * 10},{i * 3},1,4,0,1,{labels[i % 3]}\n");
        }

        using var reader = new CicFlowMeterReader(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), "alloc.csv");
        var flowEvent = default(FlowEvent);
        for (var i = 0; i < 300; i++)
        {
            Assert.True(reader.TryRead(ref flowEvent));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        while (reader.TryRead(ref flowEvent))
        {
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal((Rows, 0L), (reader.Counters.Good, reader.Counters.Bad));
        // Any per-row object costs at least 24 bytes; under one byte per row leaves room only for one-off runtime work.
        Assert.InRange(allocated, 0, Rows - 300);
    }
}
