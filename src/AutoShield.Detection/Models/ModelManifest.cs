using AutoShield.Detection.Features;
using AutoShield.Detection.Networks;

namespace AutoShield.Detection.Models;

/// <summary>
/// <c>model.json</c>: everything needed to rebuild and trust a trained detector besides the weights themselves —
/// format version, architecture, input shape, classes, feature normalisation, where the training data came from,
/// validation metrics, the anomaly detector and the weights' checksum.
/// </summary>
public sealed record ModelManifest
{
    public const string FormatName = "autoshield-detection-model";

    /// <summary>The newest format this build reads and the one it writes.</summary>
    public const int CurrentFormatVersion = 1;

    public string Format { get; init; } = FormatName;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public required ClassifierSpec Architecture { get; init; }

    public required ModelInput Input { get; init; }

    public required IReadOnlyList<string> Classes { get; init; }

    public required FeatureNormalization Normalization { get; init; }

    public required TrainingSummary Training { get; init; }

    /// <summary>Validation metrics by name (<c>validation_macro_f1</c>, <c>f1.PORT_SCAN</c>, …).</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>
    /// The calibrated benign margin: a window whose most probable class is an attack is flagged only when its attack
    /// score 1 − P(benign) reaches this value (chosen on benign validation windows for a target false-positive rate).
    /// Null on models trained without calibration: the most probable class decides alone.
    /// </summary>
    public float? AttackThreshold { get; init; }

    /// <summary>The anomaly detector, or null when the model has none.</summary>
    public AnomalyManifest? Anomaly { get; init; }

    /// <summary>Written by <see cref="ModelFile.Save"/>; null on a model that has not been saved.</summary>
    public WeightsManifest? Weights { get; init; }
}
