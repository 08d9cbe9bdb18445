using AutoShield.Core.Flows;
using AutoShield.Ingestion.Pcap;

namespace AutoShield.Ingestion.Tests.Pcap;

public sealed class PcapReaderMalformedTests
{
    private static readonly byte[] Good =
        Packets.Ethernet(Packets.Ipv4("10.0.0.1", "10.0.0.2", 6, Packets.Tcp(1234, 80, TcpFlags.Ack, 10)));

    [Fact]
    public void TryRead_TruncatedLastPacket_ReportsItsOffsetAndKeepsTheRest()
    {
        var whole = new PcapBuilder().Add(1, Good).Add(2, Good).Add(3, Good).ToArray();
        var capture = whole[..^20];

        var read = CaptureRead.Of(capture);

        Assert.Equal(2, read.Events.Count);
        var error = Assert.Single(read.Errors);
        Assert.Equal("capture.pcap", error.Source);
        Assert.Equal(3, error.Line);
        var dataOffset = 24 + (2 * (16 + Good.Length)) + 16;
        Assert.Equal($"packet 3 at byte offset {dataOffset}: expected {Good.Length} captured bytes, file ends after {Good.Length - 20}", error.Message);
        Assert.Equal(1, read.Counters.Bad);
    }

    [Fact]
    public void TryRead_TruncatedRecordHeader_ReportsAndStops()
    {
        var capture = new PcapBuilder().Add(1, Good).ToArray().Concat(new byte[7]).ToArray();

        var read = CaptureRead.Of(capture);

        Assert.Single(read.Events);
        Assert.Contains("expected a 16-byte record header, file ends after 7", Assert.Single(read.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x3C, 0x68, 0x74, 0x6D, 0x6C, 0x3E, 0x0A }, "0x3C68746D")]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0, 0 }, "0x1F8B0800")]
    public void TryRead_Garbage_ReportsOneClearError(byte[] garbage, string magic)
    {
        var read = CaptureRead.Of(garbage);

        Assert.Empty(read.Events);
        var error = Assert.Single(read.Errors);
        Assert.Equal($"not a pcap or pcapng file: magic {magic}", error.Message);
    }

    [Fact]
    public void TryRead_EmptyOrTinyFile_ReportsMissingMagic()
    {
        Assert.Contains("expected a 4-byte magic, file has 0 bytes", Assert.Single(CaptureRead.Of([]).Errors).Message, StringComparison.Ordinal);
        Assert.Contains("expected 24 bytes, file has 10", Assert.Single(CaptureRead.Of(new PcapBuilder().ToArray()[..10]).Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_TcpHeaderLongerThanCaptured_ReportsAndReadsNextPacket()
    {
        var broken = (byte[])Good.Clone();
        broken[14 + 20 + 12] = 0xF0;
        var capture = new PcapBuilder().Add(1_000_000_000, broken).Add(2_000_000_000, Good).ToArray();

        var read = CaptureRead.Of(capture);

        var error = Assert.Single(read.Errors);
        Assert.Equal(1, error.Line);
        Assert.Equal($"packet 1 at byte offset {24 + 16 + 14 + 20 + 12}: expected a TCP header of 60 bytes (at least 20), got 30 bytes", error.Message);
        Assert.Equal(2_000_000_000, Assert.Single(read.Events).TimeUnixNanos);
    }

    [Fact]
    public void TryRead_Ipv4LengthBeyondCapturedUnsnappedFrame_ReportsMalformed()
    {
        var lying = Packets.Ethernet(Packets.Ipv4("10.0.0.1", "10.0.0.2", 6, Packets.Tcp(1, 2, TcpFlags.Ack, 0), totalLength: 1500));
        var shortHeader = Packets.Ethernet(Packets.Ipv4("10.0.0.1", "10.0.0.2", 6, Packets.Tcp(1, 2, TcpFlags.Ack, 0), optionBytes: 0))[..30];
        var capture = new PcapBuilder().Add(1, lying).Add(2, shortHeader).Add(3, Good).ToArray();

        var read = CaptureRead.Of(capture);

        Assert.Equal(2, read.Errors.Count);
        Assert.Equal($"packet 1 at byte offset {24 + 16 + 14}: expected an IPv4 packet of 1500 bytes, got 40 bytes", read.Errors[0].Message);
        Assert.Equal(2, read.Errors[1].Line);
        Assert.Contains("expected a 20-byte IPv4 header, got 16 bytes", read.Errors[1].Message, StringComparison.Ordinal);
        Assert.Single(read.Events);
        Assert.Equal((1L, 2L), (read.Counters.Good, read.Counters.Bad));
    }

    [Fact]
    public void TryRead_ImpossibleClassicRecordLength_StopsCleanly()
    {
        var capture = new PcapBuilder().Add(1, Good).Add(2, Good, declaredCapturedLength: 0x7FFF_FFF0).Add(3, Good).ToArray();

        var read = CaptureRead.Of(capture);

        Assert.Single(read.Events);
        var error = Assert.Single(read.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("expected a captured length of at most 262144 bytes, got 2147483632; framing is lost", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_RecordOverConfiguredMaximum_StopsCleanly()
    {
        var capture = new PcapBuilder().Add(1, Good).Add(2, new byte[2000]).ToArray();

        var read = CaptureRead.Of(capture, new PcapReaderOptions { MaxRecordBytes = 1024 });

        Assert.Single(read.Events);
        Assert.Contains("at most 1024 bytes, got 2000", Assert.Single(read.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(30u)]
    [InlineData(8u)]
    [InlineData(1u << 30)]
    public void TryRead_ImpossiblePcapNgBlockLength_StopsCleanly(uint declared)
    {
        var capture = new PcapNgBuilder()
            .Interface(1)
            .Enhanced(0, 1, Good)
            .Block(6, new byte[40], declaredLength: declared)
            .Enhanced(0, 2, Good)
            .ToArray();

        var read = CaptureRead.Of(capture);

        Assert.Single(read.Events);
        var error = Assert.Single(read.Errors);
        Assert.Contains($"expected a total length that is a multiple of 4 between 12 and 262144, got {declared}; framing is lost", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_PcapNgTrailerMismatch_StopsCleanly()
    {
        var capture = new PcapNgBuilder().Interface(1).Enhanced(0, 1, Good).ToArray();
        capture[^1] ^= 0x40;

        var read = CaptureRead.Of(capture);

        Assert.Empty(read.Events);
        Assert.Contains("expected the trailing total length", Assert.Single(read.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_PcapNgTruncatedBlock_ReportsAndStops()
    {
        var capture = new PcapNgBuilder().Interface(1).Enhanced(0, 1, Good).Enhanced(0, 2, Good).ToArray()[..^9];

        var read = CaptureRead.Of(capture);

        Assert.Single(read.Events);
        var error = Assert.Single(read.Errors);
        Assert.Equal(2, error.Line);
        Assert.Matches("^block at byte offset [0-9]+: expected [0-9]+ bytes, file ends after [0-9]+$", error.Message);
    }

    [Fact]
    public void TryRead_SectionWithBadByteOrderMagic_StopsCleanly()
    {
        var capture = new PcapNgBuilder().Interface(1).ToArray();
        capture[8] = 0x00;

        var read = CaptureRead.Of(capture);

        Assert.Contains("expected byte-order magic 0x1A2B3C4D", Assert.Single(read.Errors).Message, StringComparison.Ordinal);
    }
}
