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
    public void OnWindow_LateralMovementScenario_CarriesOverToOtherPortsOfProbedHosts(int seed)
    {
        // Act: re-raise at once, so every flagged window is emitted.
        var (sink, _) = SimulatedRun.Detect(Scenarios.LateralMovement, seed, TimeSpan.FromSeconds(120), options: new() { ReRaiseInterval = TimeSpan.Zero });

        // Assert: non-admin ports of the probed hosts are flagged too, with the source's admin counts, and only attack connections.
        var carried = sink.Detections.Where(d => d.Detector == "fan-out" && d.Explanation.Sentence.EndsWith("another port of one of those hosts", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(carried);
        Assert.All(carried, d => Assert.Equal(AttackClass.LateralMovement, d.AttackClass));
        Assert.All(carried, d => Assert.True(d.Features["admin_destinations"] >= 5));
        Assert.All(carried, d => Assert.Equal(AttackLabels.LateralMovement, d.Label));
    }

    [Fact]
    public void OnWindow_CarryOverOff_OnlyAdminPortsFlagged()
    {
        var options = new Detection.Runtime.WindowDetectorOptions { ReRaiseInterval = TimeSpan.Zero, FanOut = new() { LateralCarryOver = false } };

        var (sink, _) = SimulatedRun.Detect(Scenarios.LateralMovement, 1, TimeSpan.FromSeconds(120), options: options);

        Assert.Contains(sink.Detections, d => d.Detector == "fan-out");
        Assert.DoesNotContain(sink.Detections, d => d.Explanation.Sentence.Contains("another port", StringComparison.Ordinal));
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
