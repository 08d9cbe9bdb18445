using AutoShield.Core.Detections;
using AutoShield.Core.Windows;
using AutoShield.Detection.Baselines;
using AutoShield.Detection.Evaluation;
using AutoShield.Detection.Tests.Data;

namespace AutoShield.Detection.Tests.Baselines;

public sealed class RandomForestBaselineTests
{
    [Fact]
    public void Run_SeparableWindows_PredictsTheTestClasses()
    {
        // Benign windows hold small values, port scans large ones; the last four of each are the test side.
        var windows = Enumerable.Range(0, 40)
            .Select(i => ((string?)(i % 2 == 0 ? "BENIGN" : "PortScan"), (long)i, i, 0, i % 2 == 0 ? 1f + (i * 0.01f) : 50f + i))
            .ToList();
        var data = TestDatasets.Build(windows);
        var train = Enumerable.Range(0, 32).ToArray();
        var test = Enumerable.Range(32, 8).ToArray();

        var result = RandomForestBaseline.Run(data, train, test, new RandomForestOptions { Trees = 10, Jobs = 1 });

        Assert.Equal([AttackClass.Benign, AttackClass.PortScan], result.Classes);
        Assert.Equal(test.Select(i => i % 2 == 0 ? AttackClass.Benign : AttackClass.PortScan), result.Scored.Predicted);
        var metrics = MetricsCalculator.Compute(data, test, result.Scored);
        Assert.Equal(1.0, metrics.Accuracy);
        Assert.Contains("sklearn_version", result.Info.Keys);
    }

    [Fact]
    public void Run_NoPython_ThrowsWithInstallHint()
    {
        var data = TestDatasets.Labelled("BENIGN", "PortScan");

        var error = Assert.Throws<BaselineUnavailableException>(() =>
            RandomForestBaseline.Run(data, [0, 1], [0], new RandomForestOptions { Python = "/nonexistent/python3" }));

        Assert.Contains("python3-sklearn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_MissingBytes_SentinelAndFlags()
    {
        var window = new float[WindowShape.Cells];
        window[(int)WindowFeature.BytesSent] = float.NaN;
        window[(int)WindowFeature.BytesReceived] = 7f;
        var features = new float[BaselineFeatures.Width];

        BaselineFeatures.Write(window, features);

        Assert.Equal(BaselineFeatures.Missing, features[(int)WindowFeature.BytesSent]);
        Assert.Equal(7f, features[(int)WindowFeature.BytesReceived]);
        Assert.Equal(1f, features[WindowShape.Cells]);
        Assert.Equal(0f, features[WindowShape.Cells + 1]);
    }
}
