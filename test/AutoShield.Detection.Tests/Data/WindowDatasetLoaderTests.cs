using AutoShield.Core.Windows;
using AutoShield.Detection.Data;
using AutoShield.Ingestion.Simulation;
using AutoShield.Testing;

namespace AutoShield.Detection.Tests.Data;

public sealed class WindowDatasetLoaderTests
{
    [Fact]
    public void Load_SimulatorRun_OneWindowPerConnectionPaddedOnesIncluded()
    {
        var options = new SimulationOptions { Scenario = Scenarios.PortScanning, Seed = 3, Duration = TimeSpan.FromSeconds(20) };
        long connections = 0;

        var data = WindowDatasetLoader.Load([DataSource.Simulated(options)], (_, summary) => connections = summary.Connections);

        Assert.Equal(connections, data.Count);
        Assert.Equal(data.Count * WindowShape.Cells, data.Windows.Length);
        Assert.Contains(data.RowCounts, r => r < WindowShape.Rows);
        Assert.Contains(AttackLabels.PortScan, data.Labels);
        Assert.All(data.Classes, c => Assert.NotNull(c));

        // A sequence starts at position 0 and grows by one per window.
        foreach (var sequence in data.All().GroupBy(i => data.Sequences[i]))
        {
            Assert.Equal(Enumerable.Range(0, sequence.Count()), sequence.Select(i => data.Positions[i]));
        }
    }

    [Fact]
    public void Load_CicSample_LabelsAreTheDatasetsAndBytesArePresent()
    {
        var path = SharedData.Flows("cicids2017_improved_sample_mon-thu.csv.gz");
        Assert.True(File.Exists(path), $"{path} is missing");

        var data = WindowDatasetLoader.Load([DataSource.File(path)]);

        Assert.InRange(data.Count, 31_000, 31_797);
        Assert.Contains("DoS Hulk", data.Labels);
        Assert.Contains("Infiltration - Portscan", data.Labels);
        Assert.All(Enumerable.Range(0, 50), i => Assert.False(float.IsNaN(data.Window(i)[(WindowShape.Rows * WindowShape.Features) - 11])));
    }

    [Fact]
    public void ToTrainingData_UnmappedLabels_LeftOutAndClassesInCanonicalOrder()
    {
        var data = TestDatasets.Labelled("PortScan", "BENIGN", "DoS Hulk - Attempted", null, "FTP-Patator");

        var training = data.ToTrainingData(data.All());

        Assert.Equal(["BENIGN", "PORT_SCAN", "BRUTE_FORCE"], training.ClassNames);
        Assert.Equal([1, 0, 2], training.Labels);
    }
}
