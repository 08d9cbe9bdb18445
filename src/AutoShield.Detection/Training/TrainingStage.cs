namespace AutoShield.Detection.Training;

/// <summary>Which network <see cref="DetectorTrainer"/> is training.</summary>
public enum TrainingStage
{
    Classifier,
    Anomaly,
}
