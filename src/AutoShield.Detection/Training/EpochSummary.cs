namespace AutoShield.Detection.Training;

/// <summary>The end-of-epoch numbers of one training stage.</summary>
public sealed record EpochSummary(TrainingStage Stage, int Epoch, float TrainLoss, float ValidationLoss, float ValidationScore, bool Improved);
