using AutoShield.Detection.Networks;

namespace AutoShield.Detection.Training;

/// <summary>Hyper-parameters of <see cref="DetectorTrainer"/>; the defaults train the shipped detector.</summary>
public sealed record TrainingOptions
{
    public ClassifierSpec Classifier { get; init; } = new CnnLstmSpec();

    /// <summary>The anomaly autoencoder, trained on the benign class; null trains none.</summary>
    public AutoencoderSpec? Anomaly { get; init; } = new AutoencoderSpec();

    /// <summary>Seeds initialisation, the split, shuffling and dropout: the same seed and data give identical weights.</summary>
    public int Seed { get; init; } = 1;

    public int MaxEpochs { get; init; } = 40;

    public int BatchSize { get; init; } = 64;

    public float LearningRate { get; init; } = 2e-3f;

    /// <summary>Decoupled (AdamW) weight decay; 0 is plain Adam.</summary>
    public float WeightDecay { get; init; }

    /// <summary>Global gradient-norm clip; 0 disables clipping.</summary>
    public float MaxGradientNorm { get; init; } = 1f;

    /// <summary>Share of each class held out (stratified) for early stopping and the reported metrics.</summary>
    public float ValidationFraction { get; init; } = 0.2f;

    /// <summary>Epochs without a better validation macro-F1 (ties broken by lower loss) before stopping.</summary>
    public int Patience { get; init; } = 6;

    public ClassWeighting ClassWeighting { get; init; } = ClassWeighting.Balanced;

    /// <summary>Appends a 0/1 "missing" input column for each byte feature (see <see cref="Features.FeatureNormalizer"/>).</summary>
    public bool MissingFlags { get; init; } = true;

    /// <summary>The class whose windows train the autoencoder and calibrate its threshold.</summary>
    public string BenignClass { get; init; } = "BENIGN";

    public int AnomalyMaxEpochs { get; init; } = 30;

    /// <summary>The anomaly threshold is this quantile of the benign validation windows' reconstruction errors.</summary>
    public float AnomalyQuantile { get; init; } = 0.99f;

    /// <summary>
    /// When set, calibrates <see cref="Models.ModelManifest.AttackThreshold"/> so that at most this share of the benign
    /// validation windows (of each source group with enough of them) is flagged; null leaves the argmax rule alone.
    /// </summary>
    public float? BenignFalsePositiveRate { get; init; }

    internal void Validate()
    {
        if (BenignFalsePositiveRate is <= 0f or >= 1f)
        {
            throw new ArgumentOutOfRangeException(nameof(BenignFalsePositiveRate), BenignFalsePositiveRate, "a false-positive rate lies in (0, 1)");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxEpochs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LearningRate);
        ArgumentOutOfRangeException.ThrowIfNegative(WeightDecay);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxGradientNorm);
        ArgumentOutOfRangeException.ThrowIfNegative(ValidationFraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ValidationFraction, 1f);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Patience);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(AnomalyMaxEpochs);
        if (AnomalyQuantile is <= 0f or > 1f)
        {
            throw new ArgumentOutOfRangeException(nameof(AnomalyQuantile), AnomalyQuantile, "a quantile lies in (0, 1]");
        }
    }
}
