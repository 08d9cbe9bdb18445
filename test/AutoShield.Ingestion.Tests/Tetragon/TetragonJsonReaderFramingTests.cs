using System.Text;
using AutoShield.Ingestion.Tetragon;

namespace AutoShield.Ingestion.Tests.Tetragon;

public sealed class TetragonJsonReaderFramingTests
{
    [Fact]
    public void TryRead_SampleFilesCatTogether_ReadsEveryEventIncludingThoseJoinedOnOneLine()
    {
        // The sample files end without a newline, so `cat` joins them as "}{" on one line.
        var text = TetragonSamples.AllConcatenated();

        var (events, errors) = TetragonSamples.Read(text);

        Assert.Empty(errors);
        Assert.Equal(43, events.Count);
    }

    [Fact]
    public void TryRead_PrettyPrintedEventsSeparatedByNewlines_ReportsEachStartLine()
    {
        var first = TetragonSamples.Text(TetragonSamples.GoldenExec);
        var second = TetragonSamples.Text(TetragonSamples.GoldenConnect);
        var text = first + "\n\n" + second + "\n";
        var secondStart = first.Count(c => c == '\n') + 3;
        var lines = new List<long>();
        using var reader = new TetragonJsonReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), "two.json");

        while (reader.TryRead(out _))
        {
            lines.Add(reader.RecordLine);
        }

        Assert.Equal([1L, secondStart], lines);
        Assert.Equal(0, reader.Counters.Bad);
    }

    [Fact]
    public void TryRead_SamplesReserialisedOnePerLine_ReadsSameEventsAsPrettyPrinted()
    {
        var ndjson = TetragonSamples.AllAsNdjson();

        var (lineEvents, lineErrors) = TetragonSamples.Read(ndjson);
        var (prettyEvents, _) = TetragonSamples.Read(TetragonSamples.AllConcatenated());

        Assert.Empty(lineErrors);
        Assert.Equal(43, ndjson.Count(c => c == '\n'));
        Assert.Equal(43, lineEvents.Count);
        for (var i = 0; i < prettyEvents.Count; i++)
        {
            Assert.Equal(prettyEvents[i].Type, lineEvents[i].Type);
            Assert.Equal(prettyEvents[i].TimeUnixNanos, lineEvents[i].TimeUnixNanos);
            Assert.Equal(prettyEvents[i].Process!.Binary, lineEvents[i].Process!.Binary);
            Assert.Equal(prettyEvents[i].Process!.Pod?.Name, lineEvents[i].Process!.Pod?.Name);
            Assert.Equal(prettyEvents[i].Socket, lineEvents[i].Socket);
            Assert.Equal(prettyEvents[i].Probe?.Args.Count, lineEvents[i].Probe?.Args.Count);
        }
    }

    [Fact]
    public void TryRead_NdjsonLines_ReportsOneBasedLineOfEachEvent()
    {
        var ndjson = TetragonSamples.AllAsNdjson();
        var lines = new List<long>();
        using var reader = new TetragonJsonReader(new MemoryStream(Encoding.UTF8.GetBytes(ndjson)), "export.json");

        while (reader.TryRead(out _))
        {
            lines.Add(reader.RecordLine);
        }

        Assert.Equal(Enumerable.Range(1, 43).Select(i => (long)i), lines);
    }

    [Fact]
    public void TryRead_ByteOrderMarkCrlfAndBlankLines_AreTolerated()
    {
        var exec = SomeTetragonEvent.Exec(SomeTetragonEvent.Process());
        var text = "\r\n" + exec + "\r\n   \r\n" + exec.Replace(",", ",\r\n  ", StringComparison.Ordinal) + "\r\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var (events, errors) = TetragonSamples.Read(bytes);

        Assert.Empty(errors);
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal("/usr/bin/cart", e.Process!.Binary));
    }

    [Fact]
    public void TryRead_BracesAndEscapedQuotesInsideStrings_DoNotEndTheRecord()
    {
        var process = SomeTetragonEvent.Process().Replace("--port 8080", """sh -c \"echo }}} {{\" ]""", StringComparison.Ordinal);

        var (events, errors) = TetragonSamples.Read(SomeTetragonEvent.Exec(process) + "\n");

        Assert.Empty(errors);
        Assert.Equal("""sh -c "echo }}} {{" ]""", Assert.Single(events).Process!.Arguments);
    }
}
