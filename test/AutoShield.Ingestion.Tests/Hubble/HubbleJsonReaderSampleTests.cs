using AutoShield.Core.Flows;
using AutoShield.Testing;

namespace AutoShield.Ingestion.Tests.Hubble;

public sealed class HubbleJsonReaderSampleTests
{
    public static TheoryData<string, int> SampleFiles => new()
    {
        { "basic-sample-10-flows.json", 10 },
        { "basic-sample-330-dns-flows.json", 330 },
        { "basic-sample-348-http-flows.json", 348 },
        { "basic-sample-400-icmpv4-flows.json", 18 },
        { "basic-sample-400-l7-redirected-flows.json", 400 },
        { "basic-sample-400-tcp-flows.json", 400 },
        { "basic-sample-400-udp-flows.json", 400 },
        { "basic-sample-5-dns-flows.json", 5 },
        { "basic-sample-5-http-flows.json", 5 },
    };

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void TryRead_RealSample_EveryLineIsAGoodFlow(string file, int lines)
    {
        var read = HubbleRead.File(SharedData.Hubble(file));

        Assert.Empty(read.Errors);
        Assert.Equal(lines, read.Events.Count);
        Assert.Equal(lines, read.Counters.Good);
        Assert.Equal(0, read.Counters.Bad);
        Assert.Equal(0, read.Counters.Skipped);
    }

    [Fact]
    public void TryRead_AllSamples_1916FlowsWithTimesNodesAndAddresses()
    {
        var files = Directory.GetFiles(SharedData.Hubble(), "*.json");
        var events = files.SelectMany(f => HubbleRead.File(f).Events).ToList();

        Assert.Equal(9, files.Length);
        Assert.Equal(1_916, events.Count);
        Assert.All(events, e =>
        {
            Assert.Equal(FlowOrigin.Hubble, e.Origin);
            Assert.Equal(-1, e.PayloadBytes);
            Assert.InRange(e.Time, new DateTimeOffset(2021, 6, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2021, 12, 1, 0, 0, 0, TimeSpan.Zero));
            Assert.NotNull(e.NodeName);
            Assert.True(e.SourceIp.IsV4 && e.DestinationIp.IsV4);
            Assert.NotEqual(IpProtocol.Unknown, e.Protocol);
            Assert.NotEqual(FlowEventKind.Unknown, e.Kind);
            Assert.NotNull(e.Source.Labels);
        });
    }

    [Fact]
    public void TryRead_TcpSample_CountsMatchTheSampleReadme()
    {
        var events = HubbleRead.File(SharedData.Hubble("basic-sample-400-tcp-flows.json")).Events;

        // README: 308 L3_L4 FORWARDED, 27 REDIRECTED, 65 L7.
        Assert.Equal(65, events.Count(e => e.Kind == FlowEventKind.L7));
        Assert.Equal(27, events.Count(e => e.Verdict == Verdict.Redirected));
        Assert.Equal(308, events.Count(e => e.Kind != FlowEventKind.L7 && e.Verdict == Verdict.Forwarded));
    }

    [Fact]
    public void TryRead_RepeatedEndpoints_ShareInternedStringsAndLabelSets()
    {
        var events = HubbleRead.File(SharedData.Hubble("basic-sample-400-tcp-flows.json")).Events
            .Where(e => e.Source.PodName == "productpage-v1-6b746f74dc-9rcxx")
            .ToList();

        Assert.True(events.Count > 10);
        Assert.All(events, e => Assert.Same(events[0].Source.PodName, e.Source.PodName));
        Assert.Single(events.Select(e => e.Source.Labels).Distinct(ReferenceEqualityComparer.Instance));
    }
}
