using System.Runtime.InteropServices;
using System.Security.Cryptography;
using AutoShield.Detection.Networks;
using AutoShield.Detection.Training;

namespace AutoShield.Detection.Tests.Training;

public sealed class DetectorTrainerTests
{
    private static readonly TrainingOptions Quick = new()
    {
        Classifier = new CnnLstmSpec(ConvChannels: 12, HiddenSize: 12),
        Anomaly = new AutoencoderSpec(HiddenSize: 32, CodeSize: 8),
        MaxEpochs = 8,
        AnomalyMaxEpochs = 8,
        BatchSize = 32,
        LearningRate = 5e-3f,
        Seed = 3,
    };

    public static TheoryData<string> Architectures => ["cnn-lstm", "transformer"];

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Train_SeparableSyntheticClasses_ReachesHighValidationAccuracy(string architecture)
    {
        // Arrange
        var data = SyntheticWindows.Create(perClass: 100, seed: 1);
        var options = architecture == "transformer"
            ? Quick with { Classifier = new TransformerSpec(ModelWidth: 16, Heads: 2, Layers: 1, FeedForwardWidth: 32) }
            : Quick;

        // Act
        var result = new DetectorTrainer(options).Train(data);

        // Assert
        Assert.True(result.Validation.Accuracy >= 0.95, $"validation accuracy {result.Validation.Accuracy:P1}");
        Assert.True(result.Validation.MacroF1 >= 0.95, $"validation macro-F1 {result.Validation.MacroF1:P1}");
        Assert.Equal(60, result.Model.Manifest.Training.ValidationWindows);
        Assert.Equal(result.Validation.MacroF1, result.Model.Manifest.Metrics["validation_macro_f1"]);
    }

    [Fact]
    public void Train_SameSeedTwice_BitIdenticalWeights()
    {
        var data = SyntheticWindows.Create(perClass: 40, seed: 2);

        var first = new DetectorTrainer(Quick with { MaxEpochs = 3, AnomalyMaxEpochs = 2 }).Train(data);
        var second = new DetectorTrainer(Quick with { MaxEpochs = 3, AnomalyMaxEpochs = 2 }).Train(data);
        var other = new DetectorTrainer(Quick with { MaxEpochs = 3, AnomalyMaxEpochs = 2, Seed = 4 }).Train(data);

        Assert.Equal(Hash(first.Model.ClassifierParameters), Hash(second.Model.ClassifierParameters));
        Assert.Equal(Hash(first.Model.AnomalyParameters), Hash(second.Model.AnomalyParameters));
        Assert.Equal(first.Model.AnomalyThreshold, second.Model.AnomalyThreshold);
        Assert.NotEqual(Hash(first.Model.ClassifierParameters), Hash(other.Model.ClassifierParameters));
    }

    [Fact]
    public void Train_WithProgress_ReportsEveryBatchAndEpoch()
    {
        // Arrange
        var data = SyntheticWindows.Create(perClass: 30, seed: 5);
        var reports = new List<TrainingProgress>();

        // Act
        var result = new DetectorTrainer(Quick with { MaxEpochs = 3, AnomalyMaxEpochs = 2 }, reports.Add).Train(data);

        // Assert: 72 training windows in batches of 32 → 3 batch reports and 1 epoch report per classifier epoch.
        var classifier = reports.Where(r => r.Stage == TrainingStage.Classifier).ToList();
        Assert.Equal(3 * 4, classifier.Count);
        var epochs = classifier.Where(r => r.ValidationScore is not null).ToList();
        Assert.Equal([1, 2, 3], epochs.Select(r => r.Epoch));
        Assert.All(epochs, r => Assert.Equal(3, r.Batch));
        Assert.Contains(reports, r => r.Stage == TrainingStage.Anomaly && r.ValidationLoss is not null);
        Assert.Equal(result.History.Count, reports.Count(r => r.ValidationScore is not null));
    }

    [Fact]
    public void Train_LabelsWithoutSignal_StopsEarly()
    {
        var data = SyntheticWindows.Create(perClass: 30, seed: 6, randomLabels: true);

        var result = new DetectorTrainer(Quick with { MaxEpochs = 40, Patience = 2, Anomaly = null }).Train(data);

        Assert.True(result.History.Count < 40, $"ran all {result.History.Count} epochs");
        Assert.Null(result.Model.Autoencoder);
    }

    [Fact]
    public void Train_Anomaly_ThresholdSeparatesBenignFromUnseenTraffic()
    {
        // Arrange
        var data = SyntheticWindows.Create(perClass: 150, seed: 7);
        var result = new DetectorTrainer(Quick with { MaxEpochs = 2, AnomalyMaxEpochs = 30 }).Train(data);
        var session = result.Model.CreateSession();
        var random = new Random(8);
        var window = new float[240];

        // Act: fresh benign windows, and windows unlike any class (huge transfers, every flag set, many ports).
        var benignFlagged = 0;
        var unseenFlagged = 0;
        for (var i = 0; i < 200; i++)
        {
            SyntheticWindows.Fill(window, 0, random);
            benignFlagged += session.AnomalyScore(window) > result.Model.AnomalyThreshold ? 1 : 0;
            for (var j = 0; j < window.Length; j++)
            {
                window[j] = (float)Math.Exp(random.NextDouble() * 14);
            }

            unseenFlagged += session.AnomalyScore(window) > result.Model.AnomalyThreshold ? 1 : 0;
        }

        // Assert
        Assert.InRange(result.Model.Manifest.Anomaly!.CalibrationWindows, 25, 35);
        Assert.True(benignFlagged <= 20, $"{benignFlagged} of 200 benign windows flagged");
        Assert.Equal(200, unseenFlagged);
    }

    [Fact]
    public void Train_InconsistentData_ThrowsNamingTheProblem()
    {
        var trainer = new DetectorTrainer(Quick);

        var wrongLength = Assert.Throws<ArgumentException>(() => trainer.Train(new([1f, 2f], [0], ["A", "B"])));
        var badLabel = Assert.Throws<ArgumentException>(() => trainer.Train(new(new float[480], [0, 2], ["A", "B"])));
        var oneClass = Assert.Throws<ArgumentException>(() => trainer.Train(new(new float[240], [0], ["A"])));

        Assert.Contains("240", wrongLength.Message);
        Assert.Contains("label 2 of window 1", badLabel.Message);
        Assert.Contains("at least 2 classes", oneClass.Message);
    }

    private static string Hash(ReadOnlySpan<float> values) => Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(values)));
}
