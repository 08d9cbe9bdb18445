using System.Text;
using AutoShield.Ingestion.Text;

namespace AutoShield.Ingestion.Tests.Text;

public sealed class Utf8LineReaderTests
{
    private static List<(LineStatus Status, string Text, long Line)> ReadAll(byte[] input, int max = 64)
    {
        using var reader = new Utf8LineReader(new MemoryStream(input), max, initialBufferBytes: 16);
        var lines = new List<(LineStatus, string, long)>();
        LineStatus status;
        while ((status = reader.Next()) != LineStatus.End)
        {
            lines.Add((status, status == LineStatus.Line ? Encoding.UTF8.GetString(reader.Line) : "", reader.LineNumber));
        }

        return lines;
    }

    [Fact]
    public void Next_LfCrlfAndNoFinalNewline_ReturnsEachLine()
    {
        var lines = ReadAll(Encoding.UTF8.GetBytes("a\r\nbb\n\nccc"));
        Assert.Equal(["a", "bb", "", "ccc"], lines.Select(l => l.Text));
        Assert.Equal([1L, 2, 3, 4], lines.Select(l => l.Line));
    }

    [Fact]
    public void Next_LineOverLimit_ReportsTooLongAndCarriesOn()
    {
        var input = "first\n" + new string('x', 1000) + "\nlast\n";
        var lines = ReadAll(Encoding.UTF8.GetBytes(input), max: 64);
        Assert.Equal(3, lines.Count);
        Assert.Equal((LineStatus.Line, "first", 1L), lines[0]);
        Assert.Equal(LineStatus.TooLong, lines[1].Status);
        Assert.Equal(2, lines[1].Line);
        Assert.Equal((LineStatus.Line, "last", 3L), lines[2]);
    }

    [Fact]
    public void Next_TooLongLastLineWithoutNewline_ReportsTooLong()
    {
        var lines = ReadAll(Encoding.UTF8.GetBytes("ok\n" + new string('y', 500)), max: 32);
        Assert.Equal([LineStatus.Line, LineStatus.TooLong], lines.Select(l => l.Status));
    }

    [Fact]
    public void Next_ByteOrderMark_IsDropped()
    {
        var lines = ReadAll([0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}', (byte)'\n']);
        Assert.Equal("{}", Assert.Single(lines).Text);
    }
}
