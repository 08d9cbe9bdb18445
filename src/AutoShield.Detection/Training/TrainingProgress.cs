namespace AutoShield.Detection.Training;

/// <summary>
/// One progress report: after every mini-batch (validation fields null) and at the end of every epoch (validation
/// filled). <see cref="ValidationScore"/> is the macro-F1 for the classifier and the mean reconstruction error for
/// the autoencoder.
/// </summary>
public readonly record struct TrainingProgress(
    TrainingStage Stage,
    int Epoch,
    int MaxEpochs,
    int Batch,
    int Batches,
    float TrainLoss,
    float? ValidationLoss,
    float? ValidationScore,
    bool Improved,
    TimeSpan Elapsed);
