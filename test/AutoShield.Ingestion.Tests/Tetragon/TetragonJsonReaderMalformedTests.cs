using System.Text;
using AutoShield.Ingestion.Tetragon;

namespace AutoShield.Ingestion.Tests.Tetragon;

public sealed class TetragonJsonReaderMalformedTests
{
    private static readonly string Good = SomeTetragonEvent.Exec(SomeTetragonEvent.Process());

    [Fact]
    public void TryRead_PrettyPrintedObjectCutShort_ReportsItsStartLineAndReadsTheNextOne()
    {
        var exec = TetragonSamples.Text(TetragonSamples.GoldenExec);
        var cut = exec[..(exec.Length / 2)];
        var cutLines = cut.Count(c => c == '\n') + 1;
        var text = "\n" + cut + "\n" + TetragonSamples.Text(TetragonSamples.GoldenConnect);

        var (events, errors) = TetragonSamples.Read(text);

        var error = Assert.Single(errors);
        Assert.Equal(2, error.Line);
        Assert.Equal("test.json", error.Source);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        Assert.Contains($"line {cutLines + 2}", error.Message, StringComparison.Ordinal);
        Assert.Equal(TetragonEventType.ProcessConnect, Assert.Single(events).Type);
    }

    [Fact]
    public void TryRead_NdjsonLineCutShort_ReportsThatLineAndReadsTheRest()
    {
        var text = Good + "\n" + Good[..50] + "\n" + Good + "\n";

        var (events, errors) = TetragonSamples.Read(text);

        Assert.Equal(2, events.Count);
        Assert.Equal(2, Assert.Single(errors).Line);
    }

    [Fact]
    public void TryRead_InputEndsInsideObject_ReportsTruncatedRecord()
    {
        var (events, errors) = TetragonSamples.Read(Good + "\n" + Good[..80]);

        Assert.Single(events);
        var error = Assert.Single(errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("input ended", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_PidIsNotANumber_NamesTheFieldAndWhatWasExpected()
    {
        var bad = SomeTetragonEvent.Exec(SomeTetragonEvent.Process(pid: "\"abc\""));

        var (events, errors) = TetragonSamples.Read(Good + "\n" + bad + "\n" + Good + "\n");

        Assert.Equal(2, events.Count);
        var error = Assert.Single(errors);
        Assert.Equal(2, error.Line);
        Assert.Equal("process_exec.process.pid: expected an unsigned 32-bit integer, found string \"abc\"", error.Message);
    }

    [Theory]
    [InlineData("\"yesterday\"")]
    [InlineData("\"2022-13-01T00:00:00Z\"")]
    [InlineData("\"2022-02-30T00:00:00Z\"")]
    [InlineData("\"2022-01-19 16:29:01Z\"")]
    [InlineData("1642609741")]
    public void TryRead_InvalidTime_ReportsTimeField(string time)
    {
        var bad = Good.Replace($"\"{SomeTetragonEvent.Time}\"", time, StringComparison.Ordinal);

        var (events, errors) = TetragonSamples.Read(bad + "\n" + Good + "\n");

        Assert.Single(events);
        var error = Assert.Single(errors);
        Assert.Equal(1, error.Line);
        Assert.StartsWith("time: expected an RFC 3339 time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_WrongTypesDeepInside_NamePathToTheField()
    {
        var cases = new (string Json, string Expected)[]
        {
            (SomeTetragonEvent.Kprobe("tcp_sendmsg", """{"size_arg":"lots"}"""), "process_kprobe.args[0].size_arg: expected an unsigned 64-bit integer"),
            (SomeTetragonEvent.Kprobe("tcp_connect", SomeTetragonEvent.Sock(dport: 70000)), "process_kprobe.args[0].sock_arg.dport: expected a port number 0-65535"),
            (SomeTetragonEvent.Kprobe("tcp_connect", SomeTetragonEvent.Sock(daddr: "10.0.0.300")), "process_kprobe.args[0].sock_arg.daddr: expected an IP address"),
            (SomeTetragonEvent.Kprobe("tcp_connect", "[1]"), "process_kprobe.args[0]: expected an argument object"),
            (SomeTetragonEvent.Exec(SomeTetragonEvent.Process(pod: """{"name":"x","pod_labels":{"app":7}}""")), "process_exec.process.pod.pod_labels.app: expected a string, found number 7"),
            (SomeTetragonEvent.Exec(SomeTetragonEvent.Process(pod: "\"cart\"")), "process_exec.process.pod: expected an object, found string \"cart\""),
            ("""{"process_exec":5,"time":"2024-05-01T10:00:00Z"}""", "process_exec: expected an object, found number 5"),
            ("""{"node_name":"n","time":"2024-05-01T10:00:00Z"}""", "(record): expected an event key such as process_exec"),
            ("""{"process_exec":{},"process_exit":{}}""", "process_exit: expected one event per record, found both process_exec and process_exit"),
            ("[1,2,3]", "expected '{' starting a JSON object, found '['"),
        };

        foreach (var (json, expected) in cases)
        {
            var (events, errors) = TetragonSamples.Read(json + "\n" + Good + "\n");

            Assert.Single(events);
            var error = Assert.Single(errors);
            Assert.Equal(1, error.Line);
            Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TryRead_InvalidJsonSyntax_ReportsAbsoluteLineOfTheFault()
    {
        var text = Good + "\n{\n  \"process_exec\": {\n    \"process\": {\"pid\": 1,,}\n  }\n}\n" + Good + "\n";

        var (events, errors) = TetragonSamples.Read(text);

        Assert.Equal(2, events.Count);
        var error = Assert.Single(errors);
        Assert.Equal(2, error.Line);
        Assert.StartsWith("malformed JSON at line 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_TextBetweenRecords_IsReportedOncePerRun()
    {
        var text = Good + "\nthis is not json\nneither is this\n" + Good + "\n";

        var (events, errors) = TetragonSamples.Read(text);

        Assert.Equal(2, events.Count);
        var error = Assert.Single(errors);
        Assert.Equal(2, error.Line);
        Assert.Equal("expected '{' starting a JSON object, found 't'", error.Message);
    }

    [Fact]
    public void TryRead_BinaryGarbageWithoutBraces_ReportsOneErrorAndKeepsReading()
    {
        var random = new Random(1234);
        var garbage = new byte[20_000];
        random.NextBytes(garbage);
        for (var i = 0; i < garbage.Length; i++)
        {
            if (garbage[i] is (byte)'{' or (byte)'\n')
            {
                garbage[i] = 0xFF;
            }

            if (i % 997 == 996)
            {
                garbage[i] = (byte)'\n';
            }
        }

        var bytes = Encoding.UTF8.GetBytes(Good + "\n").Concat(garbage).Concat(Encoding.UTF8.GetBytes("\n" + Good + "\n")).ToArray();

        var (events, errors) = TetragonSamples.Read(bytes);

        Assert.Equal(2, events.Count);
        Assert.Equal(2, Assert.Single(errors).Line);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TryRead_RandomBinaryGarbage_NeverThrowsAndReadsTheEventsAroundIt(int seed)
    {
        var random = new Random(seed);
        var garbage = new byte[50_000];
        random.NextBytes(garbage);
        var bytes = Encoding.UTF8.GetBytes(Good + "\n").Concat(garbage).Concat(Encoding.UTF8.GetBytes("\n" + Good + "\n")).ToArray();

        var (events, errors) = TetragonSamples.Read(bytes, new TetragonReaderOptions { MaxRecordBytes = 16 * 1024 });

        Assert.Equal(2, events.Count);
        Assert.NotEmpty(errors);
        var lastGarbageLine = 2 + garbage.Count(b => b == '\n');
        Assert.All(errors, e => Assert.InRange(e.Line, 2, lastGarbageLine));
    }

    [Fact]
    public void TryRead_PrettyPrintedRecordOverSizeLimit_IsReportedAndSkipped()
    {
        var big = TetragonSamples.Text(TetragonSamples.GoldenExec);
        var text = Good + "\n" + big + "\n" + Good + "\n";

        var (events, errors) = TetragonSamples.Read(text, new TetragonReaderOptions { MaxRecordBytes = 1024 });

        Assert.Equal(2, events.Count);
        var error = Assert.Single(errors);
        Assert.Equal(2, error.Line);
        Assert.Equal("record is larger than the 1024-byte limit", error.Message);
    }

    [Fact]
    public void TryRead_SingleLineOverSizeLimit_IsReportedAndSkipped()
    {
        var huge = SomeTetragonEvent.Exec(SomeTetragonEvent.Process().Replace("--port 8080", new string('a', 5000), StringComparison.Ordinal));
        var text = Good + "\n" + huge + "\n" + Good + "\n";

        var (events, errors) = TetragonSamples.Read(text, new TetragonReaderOptions { MaxRecordBytes = 2048 });

        Assert.Equal(2, events.Count);
        var error = Assert.Single(errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("2048-byte", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_NestingDeeperThanLimit_IsReportedAndSkipped()
    {
        var deep = "{\"process_exec\":{\"process\":{\"x\":" + new string('[', 200) + new string(']', 200) + "}}}";
        var text = Good + "\n" + deep + "\n" + Good + "\n";

        var (events, errors) = TetragonSamples.Read(text);

        Assert.Equal(2, events.Count);
        var error = Assert.Single(errors);
        Assert.Equal(2, error.Line);
        Assert.Equal("JSON nested deeper than 64 levels (line 2)", error.Message);
    }

    [Fact]
    public void TryRead_InvalidUtf8InsideStrings_DoesNotThrow()
    {
        var prefix = Encoding.UTF8.GetBytes(Good.Replace("/usr/bin/cart", "/usr/bin/X", StringComparison.Ordinal));
        var at = Array.IndexOf(prefix, (byte)'X');
        prefix[at] = 0xC3;
        var escaped = Encoding.UTF8.GetBytes(Good.Replace("/usr/bin/cart", "\\u0041X", StringComparison.Ordinal));
        escaped[Array.IndexOf(escaped, (byte)'X')] = 0xFE;
        var bytes = prefix.Concat("\n"u8.ToArray()).Concat(escaped).Concat(Encoding.UTF8.GetBytes("\n" + Good + "\n")).ToArray();

        var (events, errors) = TetragonSamples.Read(bytes);

        Assert.Equal(3, events.Count + errors.Count);
        Assert.Equal("/usr/bin/cart", events[^1].Process!.Binary);
    }

    [Fact]
    public void TryRead_StringBrokenByLineEnd_IsReportedAndFramingRecovers()
    {
        var text = "{\"process_exec\":{\"process\":{\"binary\":\"/bin/\n  sh\"}}}\n" + Good + "\n";

        var (events, errors) = TetragonSamples.Read(text);

        Assert.Single(events);
        var error = Assert.Single(errors);
        Assert.Equal(1, error.Line);
        Assert.Equal("unterminated string at the end of line 1", error.Message);
    }
}
