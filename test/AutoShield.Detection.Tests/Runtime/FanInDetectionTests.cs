using AutoShield.Core.Detections;
using AutoShield.Core.Flows;
using AutoShield.Core.Net;
using AutoShield.Detection.Runtime;
using AutoShield.Ingestion.Simulation;
using AutoShield.Ingestion.Windows;

namespace AutoShield.Detection.Tests.Runtime;

public sealed class FanInDetectionTests
{
    private const long T0 = 1_700_000_000_000_000_000;

    [Fact]
    public void OnWindow_SpoofedFloodOneSynPerSource_RaisesSynFloodWithSentenceFromTheCounts()
    {
        // Arrange: 300 sources, one unanswered SYN each, to port 80 of one pod within 3 s: no pair shows a flood.
        var sink = new DetectionCollector();
        var detector = new WindowDetector(null, sink);

        // Act
        Feed(detector, Enumerable.Range(0, 300).Select(i => UnansweredSyn(i, T0 + (i * 10_000_000L))));

        // Assert: one detection (repeats held back per destination), its sentence quoting the destination's numbers.
        var flood = Assert.Single(sink.Detections);
        Assert.Equal(AttackClass.SynFlood, flood.AttackClass);
        Assert.Equal(FanInExplanation.MethodName, flood.Detector);
        Assert.Equal(50, flood.Features["fanin_failed_connections"]);
        Assert.InRange(flood.Features["fanin_sources"], 45, 55);
        Assert.Matches(
            @"^50 of 50 connections to port 80 of this destination failed in 490 ms \(50 SYNs never answered\), from [0-9]+ distinct sources; a flood starts at 50 failed handshakes a minute$",
            flood.Explanation.Sentence);
        Assert.True(detector.Counters.Suppressed > 0);
    }

    [Fact]
    public void OnWindow_LoneUnansweredSyn_RaisesNothing()
    {
        var sink = new DetectionCollector();

        Feed(new WindowDetector(null, sink), [UnansweredSyn(1, T0), UnansweredSyn(2, T0 + 20_000_000_000L)]);

        Assert.Empty(sink.Detections);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void OnWindow_BenignScenario_RaisesNothingFromFanIn(int seed)
    {
        var (sink, _) = SimulatedRun.Detect(Scenarios.Benign, seed, TimeSpan.FromSeconds(120));

        Assert.DoesNotContain(sink.Detections, d => d.Detector == FanInExplanation.MethodName);
    }

    [Fact]
    public void OnWindow_SynFloodScenario_RaisesSynFloodFromFanIn()
    {
        var (sink, _) = SimulatedRun.Detect(Scenarios.SynFlood, 1, TimeSpan.FromSeconds(60));

        var floods = sink.Detections.Where(d => d.Detector == FanInExplanation.MethodName).ToList();
        Assert.NotEmpty(floods);
        Assert.All(floods, d => Assert.Equal(AttackClass.SynFlood, d.AttackClass));
        Assert.All(floods, d => Assert.Equal(AttackLabels.SynFlood, d.Label));
    }

    private static void Feed(WindowDetector detector, IEnumerable<Connection> connections)
    {
        var windows = new WindowStore();
        var fanOut = new FanOutStore();
        foreach (var connection in connections)
        {
            detector.OnWindow(connection, windows.Update(connection), fanOut.Update(connection));
        }
    }

    private static Connection UnansweredSyn(int source, long start) => new()
    {
        Protocol = IpProtocol.Tcp,
        InitiatorIp = IpAddr.FromV4(0x0B00_0000u + (uint)source),
        ResponderIp = IpAddr.FromV4(10, 0, 2, 9),
        InitiatorPort = 40000,
        ResponderPort = 80,
        Responder = new FlowEndpoint { Namespace = "shop", PodName = "frontend-1", Identity = 301 },
        StartUnixNanos = start,
        EndUnixNanos = start,
        SynCount = 1,
        BytesSent = -1,
        BytesReceived = -1,
        DnsRcode = -1,
        Label = AttackClass.SynFlood,
    };
}
