using AutoShield.Core.Detections;
using AutoShield.Detection.Runtime;
using AutoShield.Ingestion.Windows;

namespace AutoShield.Detection.Tests.Runtime;

public sealed class SuppressionTests
{
    [Fact]
    public void OnWindow_ScanRepeatsWithinInterval_EmitsOnceAndCountsTheRest()
    {
        // Arrange: one source probes 200 ports in 2 s; the scan rule holds from the 20th probe on.
        var sink = new DetectionCollector();
        var detector = new WindowDetector(null, sink, new WindowDetectorOptions { ReRaiseInterval = TimeSpan.FromSeconds(30) });
        var windows = new WindowStore();
        var fanOut = new FanOutStore();

        // Act
        for (var i = 0; i < 200; i++)
        {
            var connection = Flows.Probe(1_000_000_000L + (i * 10_000_000L), (ushort)(1000 + i), completed: false);
            detector.OnWindow(connection, windows.Update(connection), fanOut.Update(connection));
        }

        // Assert
        Assert.Single(sink.Detections);
        Assert.Equal(AttackClass.PortScan, sink.Detections[0].AttackClass);
        Assert.Equal(181, detector.Counters.Raised);
        Assert.Equal(180, detector.Counters.Suppressed);
        Assert.Equal(1, detector.Counters.Emitted);
    }

    [Fact]
    public void OnWindow_ScanGoesOnPastInterval_RaisesAgain()
    {
        var sink = new DetectionCollector();
        var detector = new WindowDetector(null, sink, new WindowDetectorOptions { ReRaiseInterval = TimeSpan.FromSeconds(2) });
        var windows = new WindowStore();
        var fanOut = new FanOutStore();

        // 50 probes a second for 5 s: raised from the 20th, again once 2 s have passed, and again.
        for (var i = 0; i < 250; i++)
        {
            var connection = Flows.Probe(i * 20_000_000L, (ushort)(1000 + i), completed: false);
            detector.OnWindow(connection, windows.Update(connection), fanOut.Update(connection));
        }

        Assert.Equal(3, sink.Detections.Count);
        Assert.Equal(detector.Counters.Raised - 3, detector.Counters.Suppressed);
        Assert.True(sink.Detections[1].Time - sink.Detections[0].Time >= TimeSpan.FromSeconds(2));
    }
}
