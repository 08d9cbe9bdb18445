using AutoShield.Core.Flows;
using AutoShield.Core.Net;

namespace AutoShield.Ingestion.Tests.CicFlowMeter;

public sealed class CicFlowMeterReaderSampleTests(CicSampleFixture sample) : IClassFixture<CicSampleFixture>
{
    private static readonly DateTime Monday = new(2017, 7, 3, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void TryRead_RealSample_ReadsEveryRowWithoutErrors()
    {
        Assert.Empty(sample.Read.Errors);
        Assert.Equal(31_797, sample.Read.Events.Count);
        Assert.Equal((31_797L, 0L, 0L), (sample.Read.Counters.Good, sample.Read.Counters.Bad, sample.Read.Counters.Skipped));
    }

    [Fact]
    public void TryRead_RealSample_LabelCountsMatchTheReadme()
    {
        var expected = new Dictionary<string, int>
        {
            ["DoS Hulk"] = 5_000,
            ["DoS GoldenEye"] = 5_000,
            ["Infiltration - Portscan"] = 5_000,
            ["BENIGN"] = 4_114,
            ["FTP-Patator"] = 3_972,
            ["DoS Slowloris"] = 3_859,
            ["SSH-Patator"] = 2_961,
            ["DoS Slowhttptest"] = 1_740,
            ["Web Attack - Brute Force"] = 73,
            ["Infiltration"] = 36,
            ["Web Attack - XSS"] = 18,
            ["Web Attack - SQL Injection"] = 13,
            ["Heartbleed"] = 11,
        };

        var counts = sample.Read.Events.GroupBy(e => e.Label!).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), counts.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void TryRead_RealSample_BenignPerDayAndProtocolMixMatchTheReadme()
    {
        var benignPerDay = sample.Read.Events.Where(e => e.Label == "BENIGN")
            .GroupBy(e => (e.Time.UtcDateTime.Date - Monday).Days)
            .OrderBy(g => g.Key)
            .Select(g => g.Count());
        var protocols = sample.Read.Events.GroupBy(e => e.Protocol).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal([1_244, 931, 1_005, 934], benignPerDay);
        Assert.Equal(29_151, protocols[IpProtocol.Tcp]);
        Assert.Equal(2_640, protocols[IpProtocol.Udp]);
        Assert.Equal(2, protocols[IpProtocol.Icmp]);
        Assert.Equal(4, protocols[IpProtocol.Unknown]);
    }

    [Theory]
    [InlineData("BENIGN", "2017-07-03 11:57:51.590", "2017-07-06 20:02:22.305")]
    [InlineData("DoS Hulk", "2017-07-05 13:43:23.198", "2017-07-05 14:00:42.145")]
    [InlineData("Heartbleed", "2017-07-05 18:12:15.650", "2017-07-05 18:32:18.242")]
    [InlineData("Infiltration - Portscan", "2017-07-06 17:00:31.719", "2017-07-06 18:46:04.331")]
    public void TryRead_RealSample_TimeSpanPerLabelMatchesTheReadme(string label, string first, string last)
    {
        var times = sample.Read.Events.Where(e => e.Label == label).Select(e => e.TimeUnixNanos).ToList();

        Assert.Equal(first, Millis(times.Min()));
        Assert.Equal(last, Millis(times.Max()));
    }

    [Fact]
    public void TryRead_RealSample_FirstRowPinnedFieldByField()
    {
        // 192.168.10.50,15686,192.168.10.3,53,17,2017-07-03 11:57:51.590705,159,2,2,86,142,... BENIGN
        var e = sample.Read.Events[0];

        Assert.Equal(FlowOrigin.CicFlowMeter, e.Origin);
        Assert.Equal(FlowEventKind.Summary, e.Kind);
        Assert.Equal(Verdict.Forwarded, e.Verdict);
        Assert.Equal(ReplyState.Request, e.Reply);
        Assert.Equal(IpAddr.Parse("192.168.10.50"), e.SourceIp);
        Assert.Equal(15686, e.SourcePort);
        Assert.Equal(IpAddr.Parse("192.168.10.3"), e.DestinationIp);
        Assert.Equal(53, e.DestinationPort);
        Assert.Equal(IpProtocol.Udp, e.Protocol);
        Assert.Equal(new DateTimeOffset(2017, 7, 3, 11, 57, 51, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000 + 590_705_000, e.TimeUnixNanos);
        Assert.Equal(159_000, e.Counts.DurationNanos);
        Assert.Equal((2L, 2L), (e.Counts.ForwardPackets, e.Counts.BackwardPackets));
        Assert.Equal((86L, 142L), (e.Counts.ForwardBytes, e.Counts.BackwardBytes));
        Assert.Equal((0, 0, 0, 0), (e.Counts.SynCount, e.Counts.AckCount, e.Counts.RstCount, e.Counts.FinCount));
        Assert.Equal("BENIGN", e.Label);
        Assert.Equal(-1, e.PayloadBytes);
        Assert.Equal(TcpFlags.None, e.Flags);
    }

    [Fact]
    public void TryRead_RealSample_SecondRowCarriesItsFlagCounts()
    {
        // 192.168.10.9:1065 -> 208.185.118.105:80, 60088216 us, 6/7 packets, 201/6889 bytes, FIN 0 SYN 2 RST 1 ACK 12.
        var e = sample.Read.Events[1];

        Assert.Equal((IpProtocol.Tcp, (ushort)1065, (ushort)80), (e.Protocol, e.SourcePort, e.DestinationPort));
        Assert.Equal(60_088_216_000, e.Counts.DurationNanos);
        Assert.Equal((6L, 7L, 201L, 6889L), (e.Counts.ForwardPackets, e.Counts.BackwardPackets, e.Counts.ForwardBytes, e.Counts.BackwardBytes));
        Assert.Equal((2, 12, 1, 0), (e.Counts.SynCount, e.Counts.AckCount, e.Counts.RstCount, e.Counts.FinCount));
    }

    [Fact]
    public void TryRead_RealSample_LabelsAreInterned()
    {
        var instances = sample.Read.Events.Where(e => e.Label == "BENIGN").Select(e => (object?)e.Label).Distinct(ReferenceEqualityComparer.Instance);

        Assert.Single(instances);
    }

    private static string Millis(long unixNanos) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixNanos / 1_000_000).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);
}
