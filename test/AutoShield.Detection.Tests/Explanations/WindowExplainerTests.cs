using AutoShield.Core.Detections;
using AutoShield.Core.Windows;
using AutoShield.Detection.Explanations;

namespace AutoShield.Detection.Tests.Explanations;

public sealed class WindowExplainerTests
{
    [Theory]
    [InlineData(ExplanationMethod.IntegratedGradients, IntegratedGradients.MethodName)]
    [InlineData(ExplanationMethod.Occlusion, Occlusion.MethodName)]
    public void ExplainClass_ScanWindow_FeaturesThenCellsWithWindowValues(ExplanationMethod method, string expectedMethod)
    {
        // Arrange
        var model = ExplanationModels.Synthetic;
        var window = SyntheticWindows.Create(perClass: 1, seed: 71).Window(1).ToArray();
        var explainer = new WindowExplainer(model, new WindowExplainerOptions { Method = method });

        // Act
        var explanation = explainer.ExplainClass(window, WindowShape.Rows, 1, WindowFacts.From(window, WindowShape.Rows));

        // Assert
        Assert.Equal(expectedMethod, explanation.Method);
        Assert.StartsWith($"{WindowFacts.From(window, 20).Syns} SYNs, ", explanation.Sentence, StringComparison.Ordinal);
        var features = explanation.Attributions.Where(a => a.Row == -1).ToList();
        Assert.InRange(features.Count, 1, 5);
        Assert.All(explanation.Attributions, a => Assert.True(double.IsFinite(a.Weight) && double.IsFinite(a.Value)));
        var summary = WindowSummary.Summarize(window, WindowShape.Rows);
        Assert.All(features, a => Assert.Equal(summary[a.Feature], a.Value));
        var cells = explanation.Attributions.Where(a => a.Row >= 0).ToList();
        Assert.Equal(method == ExplanationMethod.IntegratedGradients ? 5 : 0, cells.Count);
        Assert.All(cells, a => Assert.Equal(window[(a.Row * WindowShape.Features) + WindowShape.FeatureNames.ToList().IndexOf(a.Feature)], a.Value));
    }

    [Fact]
    public void ExplainAnomaly_Window_SharesSumToScoreAndSentenceQuotesThreshold()
    {
        var model = ExplanationModels.Synthetic;
        var window = SyntheticWindows.Create(perClass: 1, seed: 72).Window(0).ToArray();
        window[(19 * WindowShape.Features) + (int)WindowFeature.SynCount] = 5000;
        var score = model.CreateSession().AnomalyScore(window);
        var explainer = new WindowExplainer(model);

        var map = new ReconstructionAttribution(model).Explain(window, WindowShape.Rows);
        var explanation = explainer.ExplainAnomaly(window, WindowShape.Rows, WindowFacts.From(window, WindowShape.Rows));

        Assert.Equal(score, map.Score, 1e-4f);
        Assert.Equal(score, map.Total, 1e-3);
        Assert.Equal(ReconstructionAttribution.MethodName, explanation.Method);
        Assert.Contains("unlike the training data", explanation.Sentence, StringComparison.Ordinal);
        Assert.Equal("syn_count", explanation.Attributions[0].Feature);
    }
}
