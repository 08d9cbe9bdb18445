using System.Text;
using AutoShield.Ingestion.Hubble;
using AutoShield.Testing;

namespace AutoShield.Ingestion.Tests.Hubble;

public sealed class HubbleJsonReaderMalformedTests
{
    private const string Good = "{\"flow\":{\"time\":\"2024-05-01T12:00:00Z\",\"verdict\":\"FORWARDED\"},\"node_name\":\"n\"}";

    /// <summary>Reads good, bad, good and checks the bad line alone is reported, as line 2, with this text.</summary>
    private static void AssertOnlyLine2Bad(byte[] badLine, string expectedInMessage)
    {
        var input = new MemoryStream();
        input.Write(Encoding.UTF8.GetBytes(Good + "\n"));
        input.Write(badLine);
        input.Write(Encoding.UTF8.GetBytes("\n" + Good + "\n"));
        input.Position = 0;

        var read = HubbleRead.Stream(input, source: "flows.json");

        var error = Assert.Single(read.Errors);
        Assert.Equal("flows.json", error.Source);
        Assert.Equal(2, error.Line);
        Assert.Contains(expectedInMessage, error.Message, StringComparison.Ordinal);
        Assert.Equal(2, read.Events.Count);
        Assert.Equal(2, read.Counters.Good);
        Assert.Equal(1, read.Counters.Bad);
    }

    private static void AssertOnlyLine2Bad(string badLine, string expectedInMessage) =>
        AssertOnlyLine2Bad(Encoding.UTF8.GetBytes(badLine), expectedInMessage);

    private static string Flow(string fields) => "{\"flow\":{\"time\":\"2024-05-01T12:00:00Z\"," + fields + "}}";

    [Theory]
    [InlineData("\"verdict\":12.5", "flow.verdict: expected an enum name or number, got number 12.5")]
    [InlineData("\"verdict\":[\"FORWARDED\"]", "flow.verdict")]
    [InlineData("\"IP\":\"x\"", "flow.IP: expected an object, got the string \"x\"")]
    [InlineData("\"IP\":{\"source\":\"10.0.0.300\"}", "flow.IP.source: expected an IPv4 or IPv6 address")]
    [InlineData("\"IP\":{\"destination\":\"1.2.3\"}", "flow.IP.destination")]
    [InlineData("\"IP\":{\"source\":\"fe80::1::2\"}", "flow.IP.source")]
    [InlineData("\"l4\":{\"TCP\":{\"source_port\":\"70000\"}}", "flow.l4.TCP.source_port: expected an integer from 0 to 65535")]
    [InlineData("\"l4\":{\"UDP\":{\"destination_port\":65536}}", "flow.l4.UDP.destination_port")]
    [InlineData("\"l4\":{\"SCTP\":{\"source_port\":-1}}", "flow.l4.SCTP.source_port")]
    [InlineData("\"l4\":{\"TCP\":{\"source_port\":\"80a\"}}", "flow.l4.TCP.source_port")]
    [InlineData("\"l4\":{\"TCP\":{\"flags\":{\"SYN\":\"true\"}}}", "flow.l4.TCP.flags: expected true or false")]
    [InlineData("\"l4\":{\"ICMPv4\":{\"type\":300}}", "flow.l4.ICMPv4.type")]
    [InlineData("\"l4\":[]", "flow.l4: expected an object")]
    [InlineData("\"source\":{\"labels\":\"k8s:app=x\"}", "flow.source.labels: expected an array")]
    [InlineData("\"destination\":{\"labels\":[1]}", "flow.destination.labels: expected a string")]
    [InlineData("\"source\":{\"identity\":-5}", "flow.source.identity")]
    [InlineData("\"source\":{\"pod_name\":42}", "flow.source.pod_name: expected a string")]
    [InlineData("\"source\":{\"workloads\":[{\"name\":false}]}", "flow.source.workloads.name")]
    [InlineData("\"source_service\":{\"name\":1}", "flow.source_service")]
    [InlineData("\"is_reply\":\"yes\"", "flow.is_reply: expected true or false")]
    [InlineData("\"event_type\":{\"type\":4.5}", "flow.event_type.type")]
    [InlineData("\"traffic_direction\":true", "flow.traffic_direction")]
    [InlineData("\"trace_observation_point\":{}", "flow.trace_observation_point")]
    [InlineData("\"Type\":1.5", "flow.Type")]
    [InlineData("\"drop_reason\":\"many\"", "flow.drop_reason")]
    [InlineData("\"l7\":{\"dns\":{\"rcode\":\"x\"}}", "flow.l7.dns.rcode")]
    [InlineData("\"l7\":{\"http\":{\"code\":[200]}}", "flow.l7.http.code")]
    [InlineData("\"l7\":{\"latency_ns\":\"-3\"}", "flow.l7.latency_ns")]
    [InlineData("\"l7\":{\"type\":false}", "flow.l7.type")]
    [InlineData("\"node_name\":{\"a\":1}", "flow.node_name: expected a string")]
    public void TryRead_WrongTypeOrValue_ReportsTheFieldAndCarriesOn(string fields, string expected) =>
        AssertOnlyLine2Bad(Flow(fields), expected);

    [Theory]
    [InlineData("\"time\":\"2021-13-10T10:40:56Z\"")]
    [InlineData("\"time\":\"2021-02-29T10:40:56Z\"")]
    [InlineData("\"time\":\"yesterday\"")]
    [InlineData("\"time\":\"2021-11-10T10:40:56.1234567891Z\"")]
    [InlineData("\"time\":\"2021-11-10T10:40:56\"")]
    [InlineData("\"time\":12345")]
    public void TryRead_InvalidFlowTime_ReportsTheTimeField(string time) =>
        AssertOnlyLine2Bad("{\"flow\":{" + time + "}}", "flow.time: expected");

    [Fact]
    public void TryRead_InvalidWrapperTime_ReportsTheTimeField() =>
        AssertOnlyLine2Bad("{\"flow\":{\"verdict\":1},\"time\":\"2021-11-10 late\"}", "time: expected an RFC 3339 timestamp");

    [Fact]
    public void TryRead_NoTimeAnywhere_ReportsMissingTime() =>
        AssertOnlyLine2Bad("{\"flow\":{\"verdict\":\"FORWARDED\"},\"node_name\":\"n\"}", "no time");

    [Theory]
    [InlineData("[1,2,3]", "line: expected a JSON object, got an array")]
    [InlineData("42", "line: expected a JSON object")]
    [InlineData("\"flow\"", "line: expected a JSON object")]
    [InlineData("null", "line: expected a JSON object")]
    [InlineData("{\"flow\":\"x\"}", "flow: expected an object")]
    [InlineData("{}", "expected a \"flow\" object")]
    [InlineData("{\"time\":\"2024-05-01T12:00:00Z\",\"node_name\":\"n\"}", "expected a \"flow\" object")]
    [InlineData("{\"autoshield\":{\"label\":5}," + "\"flow\":{\"time\":\"2024-05-01T12:00:00Z\"}}", "autoshield.label: expected a string")]
    public void TryRead_NotAFlowObject_ReportsWhatWasExpected(string line, string expected) =>
        AssertOnlyLine2Bad(line, expected);

    [Theory]
    [InlineData("{\"flow\":{\"time\":\"2021-11-10T10:40:56Z\",\"verdict\":\"FORW")]
    [InlineData("{\"flow\":{\"time\":\"2021-11-10T10:40:56Z\",\"verdict\":\"FORWARDED\"}")]
    [InlineData("{\"flow\":{\"time\":\"2021-11-10T10:40:56Z\",\"IP\":{\"source\":")]
    [InlineData("{\"flow\":{\"time\":\"2021-11-10T10:40:56Z\",}}")]
    [InlineData("{\"flow\":{\"time\":\"2021-11-10T10:40:56Z\"}} trailing")]
    [InlineData("{\"flow\":{\"time\":\"2021-11-10T10:40:56Z\"}}{\"flow\":{}}")]
    [InlineData("{'flow':{}}")]
    public void TryRead_TruncatedOrInvalidJson_ReportsInvalidJson(string line) =>
        AssertOnlyLine2Bad(line, "invalid JSON at byte");

    [Theory]
    [InlineData("{\"flow\":{\"time\":\"2021-11-10T10:40:56Z\",\"node_name\":\"a\\uD800b\"}}")]
    [InlineData("{\"flow\":{\"time\":\"2021-11-10T10:40:56Z\",\"x\\uDC00\":1}}")]
    [InlineData("{\"flow\":{\"time\":\"2021-11-10T10:40:56Z\",\"source\":{\"labels\":[\"\\uDFFF\"]}}}")]
    public void TryRead_EscapedLoneSurrogate_ReportsAnInvalidString(string line) =>
        AssertOnlyLine2Bad(line, "invalid");

    [Fact]
    public void TryRead_TruncatedInsideAField_NamesTheLastField() =>
        AssertOnlyLine2Bad("{\"flow\":{\"time\":\"2021-11-10T10:40:56Z\",\"l4\":{\"TCP\":{\"source_port\":12", "after field \"source_port\"");

    [Fact]
    public void TryRead_ErrorAfterACachedEndpoint_ReportsTheBytePositionInTheWholeLine()
    {
        var sample = File.ReadLines(SharedData.Hubble("basic-sample-400-tcp-flows.json")).First();
        var truncated = sample[..^40];
        var wrongType = sample.Replace("\"is_reply\":false", "\"is_reply\":0", StringComparison.Ordinal);

        var read = HubbleRead.Lines(sample, truncated, wrongType, sample);

        Assert.Equal(2, read.Events.Count);
        Assert.Equal(2, read.Errors[0].Line);
        Assert.Contains($"invalid JSON at byte {truncated.Length - 1} (after field \"node_name\")", read.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(3, read.Errors[1].Line);
        Assert.Contains("flow.is_reply: expected true or false, got number 0", read.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_BinaryGarbage_ReportsOneBadLine()
    {
        var garbage = new byte[4_096];
        new Random(17).NextBytes(garbage);
        garbage.AsSpan().Replace((byte)'\n', (byte)0);

        AssertOnlyLine2Bad(garbage, "invalid");
    }

    [Fact]
    public void TryRead_InvalidUtf8InAString_ReportsItsOffset()
    {
        var line = Encoding.UTF8.GetBytes(Flow("\"node_name\":\"ab\u00ffcd\""));
        var at = line.AsSpan().IndexOf((byte)0xC3);
        line[at] = 0xFF;

        AssertOnlyLine2Bad(line, $"invalid UTF-8 at byte {at}");
    }

    [Fact]
    public void TryRead_100MegabyteLine_IsReportedWithoutBeingHeldAndReadingCarriesOn()
    {
        var before = Encoding.UTF8.GetBytes(Good + "\n{\"flow\":{\"node_name\":\"");
        var after = Encoding.UTF8.GetBytes("\"}}\n" + Good + "\n" + Good + "\n");
        var stream = new RepeatedLineStream(before, (byte)'a', 100L * 1024 * 1024, after);

        var read = HubbleRead.Stream(stream, source: "big.json");

        var error = Assert.Single(read.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("longer than the limit of 4194304 bytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, read.Events.Count);
        Assert.Equal(1, read.Counters.Bad);
    }

    [Fact]
    public void TryRead_LineLongerThanAConfiguredLimit_IsBadWhileShorterLinesRead()
    {
        var options = new HubbleJsonReaderOptions { MaxLineBytes = 200 };
        var longLine = Flow("\"node_name\":\"" + new string('n', 300) + "\"");

        var read = HubbleRead.Text(Good + "\n" + longLine + "\n" + Good + "\n", options);

        Assert.Equal(2, Assert.Single(read.Errors).Line);
        Assert.Equal(2, read.Events.Count);
    }

    [Fact]
    public void TryRead_RandomlyDamagedSampleLines_NeverThrowsAndAccountsForEveryLine()
    {
        var random = new Random(2024);
        var lines = File.ReadAllLines(SharedData.Hubble("basic-sample-400-tcp-flows.json"));
        var damaged = new StringBuilder();
        foreach (var line in lines)
        {
            var chars = line.ToCharArray();
            for (var i = random.Next(4); i > 0; i--)
            {
                chars[random.Next(chars.Length)] = "{}[]\",:0a\\ "[random.Next(11)];
            }

            damaged.Append(random.Next(3) == 0 ? new string(chars, 0, random.Next(chars.Length)) : new string(chars)).Append('\n');
        }

        var read = HubbleRead.Text(damaged.ToString());

        Assert.Equal(lines.Length, read.Counters.Good + read.Counters.Bad + read.Counters.Skipped);
        Assert.Equal(read.Counters.Bad, read.Errors.Count);
        Assert.True(read.Counters.Bad > 100);
        Assert.All(read.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }
}
