using AutoShield.Detection.Data;
using AutoShield.Ingestion.Simulation;

namespace AutoShield.Detection.Tests.Data;

public sealed class SimulationSpecTests
{
    [Fact]
    public void Parse_AllWithRange_EveryScenarioForEverySeed()
    {
        var runs = SimulationSpec.Parse("all:1-2", TimeSpan.FromSeconds(60));

        Assert.Equal(Scenarios.All.Count * 2, runs.Count);
        Assert.All(runs, r => Assert.Equal(TimeSpan.FromSeconds(60), r.Duration));
        Assert.Equal([1, 2], runs.Where(r => r.Scenario == Scenarios.Benign).Select(r => r.Seed));
    }

    [Fact]
    public void Parse_ListAndDuration_SeedsInOrderWithOverride()
    {
        var runs = SimulationSpec.Parse("port-scanning:3,5-6@30m", TimeSpan.FromSeconds(60));

        Assert.Equal([3, 5, 6], runs.Select(r => r.Seed));
        Assert.All(runs, r => Assert.Equal(Scenarios.PortScanning, r.Scenario));
        Assert.All(runs, r => Assert.Equal(TimeSpan.FromMinutes(30), r.Duration));
    }

    [Theory]
    [InlineData("port-scanning")]
    [InlineData("nope:1")]
    [InlineData("all:x")]
    [InlineData("all:5-1")]
    [InlineData("all:1@10")]
    public void Parse_Malformed_ThrowsFormatException(string spec)
    {
        Assert.Throws<FormatException>(() => SimulationSpec.Parse(spec, TimeSpan.FromSeconds(60)));
    }
}
