using AutoShield.Core.Detections;
using AutoShield.Detection.Runtime;
using AutoShield.Detection.Tests.Explanations;
using AutoShield.Ingestion.Simulation;
using AutoShield.Ingestion.Windows;
using AutoShield.Testing;

namespace AutoShield.Detection.Tests.Runtime;

public sealed class WindowDetectorTests
{
    [Fact]
    public void OnWindow_NothingRaised_AllocatesNothing()
    {
        // Arrange: benign connections between a handful of pairs; the classifier runs on every window but no
        // confidence reaches 1, so the per-window path never emits.
        var sink = new DetectionCollector();
        var detector = new WindowDetector(ExplanationModels.Synthetic, sink, new WindowDetectorOptions { MinConfidence = 1, UseAnomaly = false });
        var windows = new WindowStore();
        var fanOut = new FanOutStore();
        var connections = Enumerable.Range(0, 400)
            .Select(i => Flows.Probe(i * 50_000_000L, (ushort)(5432 + (i % 3)), completed: true, target: 9 + (i % 4)))
            .ToArray();
        var next = 0;
        void Run(int count)
        {
            for (var i = 0; i < count; i++)
            {
                ref readonly var connection = ref connections[next++];
                detector.OnWindow(connection, windows.Update(connection), fanOut.Update(connection));
            }
        }

        Run(100);

        // Act
        var allocated = Allocations.LeastPerRound(() => Run(100));

        // Assert
        Assert.Equal(0, allocated);
        Assert.Equal(0, detector.Counters.Raised);
        Assert.Equal(400, detector.Counters.Scored);
    }

    [Fact]
    public void OnWindow_ClassifierRaises_DetectionCarriesEndpointsFeaturesAndExplanation()
    {
        // Arrange: no benign class configured, so every window raises the model's best class.
        var sink = new DetectionCollector();
        var detector = new WindowDetector(ExplanationModels.Synthetic, sink, new WindowDetectorOptions { BenignClass = "NONE", MinConfidence = 0, FanOut = null });
        var windows = new WindowStore();
        var fanOut = new FanOutStore();

        // Act
        for (var i = 0; i < 30; i++)
        {
            var connection = Flows.Probe(i * 10_000_000L, (ushort)(1000 + i), completed: false);
            detector.OnWindow(connection, windows.Update(connection), fanOut.Update(connection));
        }

        // Assert
        var detection = sink.Detections[0];
        Assert.Equal("cnn-lstm", detection.Detector);
        Assert.Equal("shop", detection.Source.Namespace);
        Assert.Equal("frontend-7d9c-abcde", detection.Source.Pod);
        Assert.Equal("frontend", detection.Source.Workload);
        Assert.Equal("frontend", detection.Source.Labels["app"]);
        Assert.Equal("10.0.1.5", detection.Source.Ip);
        Assert.Equal(40000, detection.Source.Port);
        Assert.Equal("worker-1", detection.Source.Node);
        Assert.Equal("data", detection.Destination.Namespace);
        Assert.Equal(1000, detection.Destination.Port);
        Assert.Equal("PORT_SCAN", detection.Label);
        Assert.Equal(1, detection.Features[WindowSummary.WindowRows]);
        Assert.DoesNotContain("bytes_sent", detection.Features.Keys);
        Assert.NotEmpty(detection.Explanation.Sentence);
        Assert.NotEmpty(detection.Explanation.Attributions);
        Assert.NotNull(detection.AnomalyScore);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddMilliseconds(2), detection.Time);
        Assert.Equal(detector.Counters.Raised, detector.Counters.Emitted + detector.Counters.Suppressed);
    }

    [Fact]
    public void OnWindow_BatchPath_SameDetectionsAsOneByOne()
    {
        var options = new WindowDetectorOptions { MinConfidence = 0.5, Explain = false };
        var (single, _) = SimulatedRun.Detect(Scenarios.PortScanning, 1, TimeSpan.FromSeconds(40), ExplanationModels.Synthetic, options);
        var (batched, detector) = SimulatedRun.Detect(Scenarios.PortScanning, 1, TimeSpan.FromSeconds(40), ExplanationModels.Synthetic, options with { BatchSize = 64 });

        Assert.NotEmpty(single.Detections);
        Assert.Equal(detector.Counters.Windows, detector.Counters.Scored);
        static string Describe(Core.Detections.Detection d) => $"{d.Time:O} {d.AttackClass} {d.Detector} {d.Source.DisplayName} {d.Destination.DisplayName} {d.Confidence:F4}";
        Assert.Equal(single.Detections.Select(Describe), batched.Detections.Select(Describe));
    }
}
