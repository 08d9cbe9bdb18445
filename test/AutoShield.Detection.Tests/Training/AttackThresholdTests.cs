using AutoShield.Detection.Data;
using AutoShield.Detection.Evaluation;
using AutoShield.Detection.Models;
using AutoShield.Detection.Networks;
using AutoShield.Detection.Training;

namespace AutoShield.Detection.Tests.Training;

public sealed class AttackThresholdTests
{
    private static readonly TrainingOptions Quick = new()
    {
        Classifier = new CnnLstmSpec(ConvChannels: 8, HiddenSize: 8),
        Anomaly = null,
        MaxEpochs = 2,
        BatchSize = 32,
        Seed = 3,
        ValidationFraction = 0.5f,
    };

    [Fact]
    public void Train_WithoutTargetFpr_NoAttackThreshold()
    {
        var data = SyntheticWindows.Create(perClass: 30, seed: 2);

        var result = new DetectorTrainer(Quick).Train(data);

        Assert.Null(result.Model.Manifest.AttackThreshold);
    }

    [Fact]
    public void Train_WithTargetFpr_ThresholdStoredInManifestAndMetrics()
    {
        // Arrange: random labels, so benign windows get sizeable attack scores.
        var data = SyntheticWindows.Create(perClass: 500, seed: 6, randomLabels: true);

        // Act
        var result = new DetectorTrainer(Quick with { BenignFalsePositiveRate = 0.05f }).Train(data);

        // Assert
        var threshold = result.Model.Manifest.AttackThreshold;
        Assert.NotNull(threshold);
        Assert.Equal(threshold.Value, result.Model.Manifest.Metrics["attack_threshold"], 5);
        Assert.InRange(threshold.Value, 0f, 1f);
    }

    [Fact]
    public void Score_ThresholdAboveEveryAttackScore_EveryVerdictBenign()
    {
        // Arrange: the same model with and without a margin no window can reach.
        var data = SyntheticWindows.Create(perClass: 40, seed: 2);
        var model = new DetectorTrainer(Quick).Train(data).Model;
        var strict = new DetectionModel(model.Manifest with { AttackThreshold = 1.01f }, model.ClassifierParameters.ToArray());
        var dataset = Dataset(data);
        var all = dataset.All();

        // Act
        var plain = ModelScorer.Score(model, dataset, all);
        var margined = ModelScorer.Score(strict, dataset, all);

        // Assert: the margin changes verdicts, never scores.
        Assert.Contains(plain.Predicted, p => p != "BENIGN");
        Assert.All(margined.Predicted, p => Assert.Equal("BENIGN", p));
        Assert.Equal(plain.AttackScores, margined.AttackScores);
    }

    private static WindowDataset Dataset(TrainingData data)
    {
        var n = data.Count;
        return new WindowDataset(
            data.Windows, [.. data.Labels.Select(l => (string?)data.ClassNames[l])], [.. Enumerable.Range(0, n).Select(i => i * 1_000_000_000L)],
            [.. Enumerable.Range(0, n)], new int[n], [.. Enumerable.Repeat(Core.Windows.WindowShape.Rows, n)], new int[n],
            [DataSource.File("test.csv")], [.. Enumerable.Range(0, n).Select(i => $"pair {i}")]);
    }
}
