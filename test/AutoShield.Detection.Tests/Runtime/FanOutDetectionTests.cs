using AutoShield.Core.Detections;
using AutoShield.Ingestion.Simulation;

namespace AutoShield.Detection.Tests.Runtime;

public sealed class FanOutDetectionTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void OnWindow_PortScanScenario_RaisesPortScanFromFanOut(int seed)
    {
        // Act
        var (sink, _) = SimulatedRun.Detect(Scenarios.PortScanning, seed, TimeSpan.FromSeconds(60));

        // Assert
        var scans = sink.Detections.Where(d => d.Detector == "fan-out" && d.AttackClass == AttackClass.PortScan).ToList();
        Assert.NotEmpty(scans);
        Assert.All(scans, d => Assert.Equal(AttackLabels.PortScan, d.Label));
        var first = scans[0];
        Assert.NotNull(first.Source.Pod);
        Assert.True(first.Features["fanout_ports"] >= 20 || first.Features["fanout_destinations"] >= 20);
        Assert.Contains("ports on", first.Explanation.Sentence, StringComparison.Ordinal);
        Assert.Equal("fan-out", first.Explanation.Method);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void OnWindow_LateralMovementScenario_RaisesLateralMovementFromFanOut(int seed)
    {
        var (sink, _) = SimulatedRun.Detect(Scenarios.LateralMovement, seed, TimeSpan.FromSeconds(120));

        var lateral = sink.Detections.Where(d => d.Detector == "fan-out" && d.AttackClass == AttackClass.LateralMovement).ToList();
        Assert.NotEmpty(lateral);
        Assert.All(lateral, d => Assert.Equal(AttackLabels.LateralMovement, d.Label));
        Assert.True(lateral[0].Features["admin_destinations"] >= 5);
        Assert.StartsWith($"{lateral[0].Features["admin_destinations"]} internal destinations on ", lateral[0].Explanation.Sentence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void OnWindow_BenignScenario_RaisesNothingFromFanOut(int seed)
    {
        var (sink, detector) = SimulatedRun.Detect(Scenarios.Benign, seed, TimeSpan.FromSeconds(120));

        Assert.DoesNotContain(sink.Detections, d => d.Detector == "fan-out");
        Assert.True(detector.Counters.Windows > 500, $"only {detector.Counters.Windows} windows");
    }
}
