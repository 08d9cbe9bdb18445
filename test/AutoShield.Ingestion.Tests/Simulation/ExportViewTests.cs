using AutoShield.Core.Flows;
using AutoShield.Ingestion.Simulation;

namespace AutoShield.Ingestion.Tests.Simulation;

public sealed class ExportViewTests
{
    [Fact]
    public void Generate_BenignExported_IsTheBenignRunFilteredFromAMidRunStart()
    {
        var full = SimulatedRuns.Flows(Scenarios.Benign, seed: 3, seconds: 30);
        var exported = SimulatedRuns.Flows(Scenarios.BenignExported, seed: 3, seconds: 30);

        Assert.NotEmpty(exported);
        Assert.True(exported.Count < full.Count, $"{exported.Count} of {full.Count} events kept");
        // The capture starts part-way in: the first 5 % of the run is never exported.
        var start = SimulationOptions.DefaultStart.ToUnixTimeMilliseconds() * 1_000_000L;
        Assert.All(exported, f => Assert.True(f.TimeUnixNanos >= start + 1_500_000_000L));
    }

    [Fact]
    public void Generate_BenignExported_EveryNodeFilteredOneVerdictOnly()
    {
        var exported = SimulatedRuns.Flows(Scenarios.BenignExported, seed: 3, seconds: 30);

        var kindsByNode = exported.GroupBy(f => f.NodeName ?? "").ToDictionary(g => g.Key, g => g.Select(f => f.Kind).Distinct().ToHashSet());

        // Seed 3 has two workers and the control plane: each takes one of the three filtered styles.
        Assert.All(kindsByNode.Values, k => Assert.False(k.Contains(FlowEventKind.Trace) && (k.Contains(FlowEventKind.PolicyVerdict) || k.Contains(FlowEventKind.L7))));
        Assert.Contains(kindsByNode.Values, k => k.Contains(FlowEventKind.PolicyVerdict) && !k.Contains(FlowEventKind.L7));
    }

    [Fact]
    public void Write_BenignExportedSameSeedTwice_IsByteIdentical()
    {
        var options = SimulatedRuns.Options(Scenarios.BenignExported, seed: 5, seconds: 20);
        var first = new MemoryStream();
        var second = new MemoryStream();

        new ClusterSimulator(options).Write(first);
        new ClusterSimulator(options).Write(second);

        Assert.True(first.Length > 0);
        Assert.Equal(first.ToArray(), second.ToArray());
    }
}
