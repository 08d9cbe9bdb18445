using AutoShield.Ingestion.CicFlowMeter;

namespace AutoShield.Ingestion.Tests.CicFlowMeter;

public sealed class CicFlowMeterReaderMalformedTests
{
    private const string Header =
        "id,Src IP,Src Port,Dst IP,Dst Port,Protocol,Timestamp,Flow Duration,Total Fwd Packet,Total Bwd packets,"
        + "Total Length of Fwd Packet,Total Length of Bwd Packet,Flow Bytes/s,FIN Flag Count,SYN Flag Count,RST Flag Count,ACK Flag Count,Label\n";

    private static string Row(int id, string srcIp = "10.0.0.1", string dstPort = "80", string timestamp = "2017-07-05 13:43:23.198", string duration = "100", string fwdBytes = "10", string rate = "1.5") =>
        $"{id},{srcIp},{40000 + id},10.0.0.2,{dstPort},6,{timestamp},{duration},1,1,{fwdBytes},0,{rate},0,1,0,1,DoS Hulk\n";

    [Fact]
    public void TryRead_BadRows_ReportLineAndColumnAndLaterRowsComeThrough()
    {
        var csv = Header
            + Row(1)
            + "2,10.0.0.1,40000\n"
            + Row(3, duration: "abc")
            + Row(4, srcIp: "192.168.10.300")
            + Row(5, fwdBytes: "Infinity")
            + Row(6, rate: "NaN")
            + "7,\"10.0.0.1,40000,10.0.0.2,80,6,x,1,1,1,1,1,1,1,1,1,1,x\n"
            + Row(8, timestamp: "2017-02-30 10:00:00")
            + Row(9, dstPort: "70000")
            + Row(10, duration: "-1")
            + Row(11);

        var read = CsvRead.Of(csv);

        Assert.Equal([1, 6, 11], read.Events.Select(e => e.SourcePort - 40000));
        Assert.Equal(
            [
                (3L, "expected 18 columns as in the header, got 3"),
                (4L, "column 'Flow Duration': expected a non-negative duration in microseconds, got 'abc'"),
                (5L, "column 'Src IP': expected an IP address, got '192.168.10.300'"),
                (6L, "column 'Total Length of Fwd Packet': expected a non-negative integer, got 'Infinity'"),
                (8L, "column 2: expected a closing quote followed by a comma or the end of the row"),
                (9L, "column 'Timestamp': expected a time like 2017-07-03 11:57:51.590705, 3/7/2017 8:55 or 03/07/2017 08:55:58 AM, got '2017-02-30 10:00:00'"),
                (10L, "column 'Dst Port': expected a port number (0-65535), got '70000'"),
                (11L, "column 'Flow Duration': expected a non-negative duration in microseconds, got '-1'"),
            ],
            read.Errors.Select(e => (e.Line, e.Message)));
        Assert.All(read.Errors, e => Assert.Equal("flows.csv", e.Source));
        Assert.Equal((3L, 8L), (read.Counters.Good, read.Counters.Bad));
    }

    [Fact]
    public void TryRead_MissingRequiredColumn_ReportsItOnceAndYieldsNothing()
    {
        var csv = Header.Replace("Dst Port,", string.Empty, StringComparison.Ordinal) + "1,10.0.0.1,40000,10.0.0.2,6,2017-07-05 13:43:23,1,1,1,1,1,1,0,0,0,0,x\n";

        var read = CsvRead.Of(csv);

        Assert.Empty(read.Events);
        var error = Assert.Single(read.Errors);
        Assert.Equal(1, error.Line);
        Assert.Equal("header: expected required column 'Dst Port' (or 'Destination Port'); not a CICFlowMeter CSV, reading nothing", error.Message);
        Assert.Equal(1, read.Counters.Bad);
    }

    [Fact]
    public void TryRead_NotACsvAtAll_NamesEveryMissingColumn()
    {
        var error = Assert.Single(CsvRead.Of("{\"flow\":{}}\n{\"flow\":{}}\n").Errors);

        Assert.StartsWith("header: expected required columns 'Src IP' (or 'Source IP'), 'Src Port'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Total Length of Bwd Packet' (or 'Total Length of Bwd Packets', 'TotLen Bwd Pkts')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_EmptyFile_ReportsMissingHeader()
    {
        Assert.Equal("header: expected a CSV header line, the file is empty", Assert.Single(CsvRead.Of("\n\n").Errors).Message);
    }

    [Fact]
    public void TryRead_RowOverLineLimit_IsReportedAndSkipped()
    {
        var csv = Header + Row(1, srcIp: new string('9', 500)) + Row(2);

        var read = CsvRead.Of(csv, new CicFlowMeterReaderOptions { MaxLineBytes = 400 });

        Assert.Equal(40002, Assert.Single(read.Events).SourcePort);
        Assert.Equal((2L, "expected a row of at most 400 bytes; skipped"), (Assert.Single(read.Errors).Line, read.Errors[0].Message));
    }

    [Fact]
    public void TryRead_BlankLinesAndCrlf_AreTolerated()
    {
        var csv = (Header + "\n" + Row(1) + "   \n" + Row(2)).Replace("\n", "\r\n", StringComparison.Ordinal);

        var read = CsvRead.Of(csv);

        Assert.Empty(read.Errors);
        Assert.Equal(2, read.Events.Count);
        Assert.Equal("DoS Hulk", read.Events[1].Label);
        Assert.Equal(2, read.Counters.Skipped);
    }
}
