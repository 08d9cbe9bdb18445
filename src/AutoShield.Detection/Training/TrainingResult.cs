using AutoShield.Detection.Models;

namespace AutoShield.Detection.Training;

/// <summary>A trained detector with its epoch history and the classifier's report on the validation split.</summary>
public sealed record TrainingResult(DetectionModel Model, IReadOnlyList<EpochSummary> History, ClassificationReport Validation);
