using AutoShield.Core.Flows;
using AutoShield.Core.Net;
using AutoShield.Ingestion.CicFlowMeter;

namespace AutoShield.Ingestion.Tests.CicFlowMeter;

public sealed class CicFlowMeterReaderOriginalFormatTests
{
    // The original MachineLearningCVE/TrafficLabelling spelling: leading spaces, plural names, a repeated column.
    private const string Header =
        "Flow ID, Source IP, Source Port, Destination IP, Destination Port, Protocol, Timestamp, Flow Duration, Total Fwd Packets,"
        + " Total Backward Packets,Total Length of Fwd Packets, Total Length of Bwd Packets, Flow Bytes/s, Fwd Header Length,"
        + "FIN Flag Count, SYN Flag Count, RST Flag Count, PSH Flag Count, ACK Flag Count, Fwd Header Length, Label\r\n";

    private const string Rows =
        "192.168.10.5-192.168.10.50-52000-22-6,192.168.10.5,52000,192.168.10.50,22,6,4/7/2017 9:20,1500000,12,10,1200,2400,2400.0,264,1,2,0,4,21,264,SSH-Patator\r\n"
        + "192.168.10.3-192.168.10.9-53-61000-17,192.168.10.9,61000,192.168.10.3,53,17,03/07/2017 08:55:58 AM,0,1,1,40,120,Infinity,8,0,0,0,0,0,8,BENIGN\r\n"
        + "172.16.0.1-192.168.10.50-44000-80-6,172.16.0.1,44000,192.168.10.50,80,6,6/7/2017 1:05:03 PM,250,3,0,0,0,0.0,60,0,1,1,0,1,60,\"Web Attack, Brute Force\"\r\n"
        + ",,,,,,,,,,,,,,,,,,,,\r\n"
        + "fd00::1-fd00::2-40000-443-6,fd00::1,40000,fd00::2,443,6,06/07/2017 12:00:00 AM,7.0,2.0,2.0,0.0,0.0,NaN,40,1,1,0,0,3,40,\"quoted \"\"label\"\"\"\r\n";

    [Fact]
    public void TryRead_OriginalCicIds2017Snippet_MapsEveryUsedColumn()
    {
        var read = CsvRead.Of(Header + Rows, CicFlowMeterReaderOptions.OriginalCicIds2017);

        Assert.Empty(read.Errors);
        Assert.Equal(4, read.Events.Count);
        Assert.Equal(1, read.Counters.Skipped);
        var ssh = read.Events[0];
        Assert.Equal((IpAddr.Parse("192.168.10.5"), (ushort)52000, IpAddr.Parse("192.168.10.50"), (ushort)22, IpProtocol.Tcp),
            (ssh.SourceIp, ssh.SourcePort, ssh.DestinationIp, ssh.DestinationPort, ssh.Protocol));
        Assert.Equal(1_500_000_000, ssh.Counts.DurationNanos);
        Assert.Equal((12L, 10L, 1200L, 2400L), (ssh.Counts.ForwardPackets, ssh.Counts.BackwardPackets, ssh.Counts.ForwardBytes, ssh.Counts.BackwardBytes));
        Assert.Equal((2, 21, 0, 1), (ssh.Counts.SynCount, ssh.Counts.AckCount, ssh.Counts.RstCount, ssh.Counts.FinCount));
        Assert.Equal("SSH-Patator", ssh.Label);
        Assert.Equal((FlowOrigin.CicFlowMeter, FlowEventKind.Summary, Verdict.Forwarded), (ssh.Origin, ssh.Kind, ssh.Verdict));
        Assert.Equal("Web Attack, Brute Force", read.Events[2].Label);
        Assert.Equal("quoted \"label\"", read.Events[3].Label);
        Assert.Equal(IpAddr.Parse("fd00::2"), read.Events[3].DestinationIp);
        Assert.Equal(7_000, read.Events[3].Counts.DurationNanos);
    }

    [Fact]
    public void TryRead_OriginalTimestamps_AreLocalTimeThreeHoursBehindUtc()
    {
        var read = CsvRead.Of(Header + Rows, CicFlowMeterReaderOptions.OriginalCicIds2017);

        Assert.Equal(
            [Utc(2017, 7, 4, 12, 20, 0), Utc(2017, 7, 3, 11, 55, 58), Utc(2017, 7, 6, 16, 5, 3), Utc(2017, 7, 6, 3, 0, 0)],
            read.Events.Select(e => e.TimeUnixNanos));
    }

    [Fact]
    public void TryRead_DefaultOptions_ReadTimestampsAsUtc()
    {
        var read = CsvRead.Of(Header + Rows);

        Assert.Equal(Utc(2017, 7, 4, 9, 20, 0), read.Events[0].TimeUnixNanos);
    }

    [Fact]
    public void TryRead_CicFlowMeterV3Names_AreMapped()
    {
        const string csv =
            "Flow ID,Src IP,Src Port,Dst IP,Dst Port,Protocol,Timestamp,Flow Duration,Tot Fwd Pkts,Tot Bwd Pkts,TotLen Fwd Pkts,TotLen Bwd Pkts,FIN Flag Cnt,SYN Flag Cnt,RST Flag Cnt,ACK Flag Cnt,Label\n"
            + "x,10.0.0.1,1,10.0.0.2,21,6,14/02/2018 08:31:01,100,3,2,30,20,1,1,0,4,FTP-BruteForce\n";

        var e = Assert.Single(CsvRead.Of(csv).Events);

        Assert.Equal(Utc(2018, 2, 14, 8, 31, 1), e.TimeUnixNanos);
        Assert.Equal((3L, 2L, 30L, 20L), (e.Counts.ForwardPackets, e.Counts.BackwardPackets, e.Counts.ForwardBytes, e.Counts.BackwardBytes));
        Assert.Equal((1, 4, 0, 1), (e.Counts.SynCount, e.Counts.AckCount, e.Counts.RstCount, e.Counts.FinCount));
    }

    [Fact]
    public void TryRead_OptionalColumnsAbsent_LeavesCountsMissingAndLabelNull()
    {
        const string csv = "Src IP,Src Port,Dst IP,Dst Port,Protocol,Timestamp,Flow Duration,Total Fwd Packet,Total Bwd packets,Total Length of Fwd Packet,Total Length of Bwd Packet\n"
            + "10.0.0.1,1,10.0.0.2,2,17,2017-07-03 11:57:51,5,1,0,10,0\n";

        var e = Assert.Single(CsvRead.Of(csv).Events);

        Assert.Equal((-1, -1, -1, -1), (e.Counts.SynCount, e.Counts.AckCount, e.Counts.RstCount, e.Counts.FinCount));
        Assert.Null(e.Label);
        Assert.Equal(5_000, e.Counts.DurationNanos);
    }

    private static long Utc(int year, int month, int day, int hour, int minute, int second) =>
        new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000;
}
