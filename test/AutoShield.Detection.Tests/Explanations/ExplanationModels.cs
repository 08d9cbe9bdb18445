using AutoShield.Core.Windows;
using AutoShield.Detection.Models;
using AutoShield.Detection.Networks;
using AutoShield.Detection.Training;

namespace AutoShield.Detection.Tests.Explanations;

/// <summary>Small seeded models trained in a second or two, shared by the explanation and runtime tests.</summary>
internal static class ExplanationModels
{
    private static readonly TrainingOptions Quick = new()
    {
        Classifier = new CnnLstmSpec(ConvChannels: 12, HiddenSize: 12),
        Anomaly = new AutoencoderSpec(HiddenSize: 32, CodeSize: 8),
        MaxEpochs = 6,
        AnomalyMaxEpochs = 6,
        BatchSize = 32,
        LearningRate = 5e-3f,
        Seed = 5,
    };

    private static readonly Lazy<DetectionModel> SyntheticModel = new(() =>
        new DetectorTrainer(Quick).Train(SyntheticWindows.Create(perClass: 60, seed: 21)).Model);

    private static readonly Lazy<DetectionModel> SynOnlyModel = new(() =>
        new DetectorTrainer(Quick with { MaxEpochs = 10, Anomaly = null }).Train(SynOnly(perClass: 80, seed: 31)).Model);

    /// <summary>BENIGN, PORT_SCAN, SYN_FLOOD on <see cref="SyntheticWindows"/>, with an anomaly autoencoder.</summary>
    public static DetectionModel Synthetic => SyntheticModel.Value;

    /// <summary>A model for which only <see cref="WindowFeature.SynCount"/> decides: every other feature is noise drawn the same way for both classes.</summary>
    public static DetectionModel SynOnlyDecides => SynOnlyModel.Value;

    public static TrainingData SynOnly(int perClass, int seed)
    {
        var random = new Random(seed);
        var count = perClass * 2;
        var windows = new float[count * WindowShape.Cells];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = i % 2;
            FillSynOnly(windows.AsSpan(i * WindowShape.Cells, WindowShape.Cells), labels[i], random);
        }

        return new TrainingData(windows, labels, ["BENIGN", "SYN_FLOOD"]);
    }

    public static void FillSynOnly(Span<float> window, int label, Random random)
    {
        for (var cell = 0; cell < WindowShape.Cells; cell++)
        {
            var feature = (WindowFeature)(cell % WindowShape.Features);
            window[cell] = feature == WindowFeature.SynCount
                ? (label == 0 ? random.Next(0, 2) : random.Next(30, 60))
                : feature == WindowFeature.FailedRatio ? random.NextSingle() : MathF.Exp(random.NextSingle() * 6f);
        }
    }
}
