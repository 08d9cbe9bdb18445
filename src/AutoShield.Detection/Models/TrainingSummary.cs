using AutoShield.Detection.Training;

namespace AutoShield.Detection.Models;

/// <summary>How a model was trained: the data's SHA-256 fingerprint, split sizes and the optimisation settings.</summary>
public sealed record TrainingSummary(
    string DataSha256,
    int Windows,
    int TrainWindows,
    int ValidationWindows,
    int Seed,
    int Epochs,
    int BestEpoch,
    int BatchSize,
    float LearningRate,
    float WeightDecay,
    float MaxGradientNorm,
    ClassWeighting ClassWeighting,
    IReadOnlyList<float> ClassWeights);
