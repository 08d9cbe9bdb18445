using AutoShield.Core.Windows;
using AutoShield.Detection.Explanations;
using AutoShield.Detection.Models;
using AutoShield.Detection.Networks;
using AutoShield.Detection.Training;

namespace AutoShield.Detection.Tests.Explanations;

public sealed class IntegratedGradientsTests
{
    public static TheoryData<string> Architectures => ["cnn-lstm", "transformer"];

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Explain_AnyWindow_AttributionsSumToLogitDifference(string architecture)
    {
        // Arrange: completeness holds for any weights, so a briefly trained model of either kind will do.
        var model = architecture == "cnn-lstm" ? ExplanationModels.Synthetic : Transformer.Value;
        var windows = SyntheticWindows.Create(perClass: 2, seed: 41);
        var gradients = new IntegratedGradients(model);

        for (var i = 0; i < windows.Count; i++)
        {
            // Act
            var map = gradients.Explain(windows.Window(i), WindowShape.Rows, windows.Labels[i]);

            // Assert
            var difference = map.Score - map.BaselineScore;
            Assert.True(Math.Abs(map.Total - difference) <= (0.02 * Math.Abs(difference)) + 2e-3,
                $"window {i}: attributions sum to {map.Total:F4}, logit difference {difference:F4} after {gradients.LastSteps} steps");
            Assert.All(map.Cells!, c => Assert.True(float.IsFinite(c)));
        }
    }

    [Fact]
    public void Explain_OneCoarseRun_GapWiderThanAfterRefinement()
    {
        // A single 8-point run is too coarse on this window; the refinement is what makes completeness hold.
        var model = ExplanationModels.Synthetic;
        var window = SyntheticWindows.Create(perClass: 2, seed: 41).Window(0);

        var coarse = new IntegratedGradients(model, steps: 8, maxSteps: 8).Explain(window, WindowShape.Rows, 0);
        var refined = new IntegratedGradients(model, steps: 8).Explain(window, WindowShape.Rows, 0);

        var expected = refined.Score - refined.BaselineScore;
        Assert.True(Math.Abs(refined.Total - expected) < Math.Abs(coarse.Total - expected));
    }

    [Fact]
    public void Explain_YoungWindow_PaddingRowsGetNothing()
    {
        var model = ExplanationModels.Synthetic;
        var window = SyntheticWindows.Create(perClass: 1, seed: 42).Window(1).ToArray();
        window.AsSpan(0, 15 * WindowShape.Features).Clear();

        var map = new IntegratedGradients(model).Explain(window, rowCount: 5, targetClass: 1);

        Assert.All(Enumerable.Range(0, 15), r => Assert.Equal(0d, map.Rows[r]));
        Assert.Contains(Enumerable.Range(15, 5), r => map.Rows[r] != 0);
        Assert.All(map.TopRows(20), r => Assert.InRange(r, 15, 19));
    }

    [Fact]
    public void Explain_MissingBytes_BytesGetNoCredit()
    {
        var model = ExplanationModels.Synthetic;
        var window = SyntheticWindows.Create(perClass: 1, seed: 43).Window(0).ToArray();
        for (var r = 0; r < WindowShape.Rows; r++)
        {
            window[(r * WindowShape.Features) + (int)WindowFeature.BytesSent] = float.NaN;
            window[(r * WindowShape.Features) + (int)WindowFeature.BytesReceived] = float.NaN;
        }

        var map = new IntegratedGradients(model).Explain(window, WindowShape.Rows, targetClass: 0);

        Assert.Equal(0d, map.Features[(int)WindowFeature.BytesSent]);
        Assert.Equal(0d, map.Features[(int)WindowFeature.BytesReceived]);
    }

    [Fact]
    public void Explain_SynOnlyModel_SynCountDominates()
    {
        var model = ExplanationModels.SynOnlyDecides;
        var window = new float[WindowShape.Cells];
        ExplanationModels.FillSynOnly(window, label: 1, new Random(44));

        var map = new IntegratedGradients(model).Explain(window, WindowShape.Rows, targetClass: 1);

        Assert.Equal((int)WindowFeature.SynCount, map.TopFeatures(1)[0]);
    }

    private static readonly Lazy<DetectionModel> Transformer = new(() => new DetectorTrainer(new TrainingOptions
    {
        Classifier = new TransformerSpec(ModelWidth: 16, Heads: 2, Layers: 1, FeedForwardWidth: 32),
        Anomaly = null,
        MaxEpochs = 2,
        BatchSize = 32,
        Seed = 6,
    }).Train(SyntheticWindows.Create(perClass: 30, seed: 45)).Model);
}
