using AutoShield.Core.Windows;
using AutoShield.Detection.Features;
using AutoShield.Detection.Networks;

namespace AutoShield.Detection.Models;

/// <summary>
/// A trained detector: classifier, feature normalisation and optional anomaly autoencoder with its threshold.
/// Immutable and thread-safe; the convenience methods borrow pooled <see cref="InferenceSession"/>s, and a thread
/// that scores many windows can hold its own session from <see cref="CreateSession"/>.
/// </summary>
public sealed class DetectionModel
{
    private readonly float[] _classifierParameters;
    private readonly float[]? _anomalyParameters;
    private readonly InferenceSessionPool _pool;

    /// <exception cref="ArgumentException">The manifest and parameters do not fit together.</exception>
    public DetectionModel(ModelManifest manifest, float[] classifierParameters, float[]? anomalyParameters = null)
    {
        if (manifest.Classes.Count < 2 || manifest.Classes.Distinct(StringComparer.Ordinal).Count() != manifest.Classes.Count)
        {
            throw new ArgumentException("a model needs at least two distinct class names");
        }

        if (manifest.Input.Steps != WindowShape.Rows || !manifest.Input.Features.SequenceEqual(WindowShape.FeatureNames))
        {
            throw new ArgumentException($"the model reads {manifest.Input.Steps} rows of [{string.Join(", ", manifest.Input.Features)}], "
                + $"but windows are {WindowShape.Rows} rows of [{string.Join(", ", WindowShape.FeatureNames)}]");
        }

        Normalizer = new FeatureNormalizer(manifest.Normalization);
        if (manifest.Input.Width != Normalizer.InputWidth)
        {
            throw new ArgumentException($"input width {manifest.Input.Width} disagrees with the normalisation's {Normalizer.InputWidth}");
        }

        Classifier = manifest.Architecture.Build(Normalizer.InputWidth, WindowShape.Rows, manifest.Classes.Count);
        RequireCount("classifier", Classifier.ParameterCount, classifierParameters);
        if (manifest.Anomaly is { } anomaly)
        {
            if (!float.IsFinite(anomaly.Threshold) || anomaly.Threshold < 0f)
            {
                throw new ArgumentException($"anomaly threshold {anomaly.Threshold} is not a finite non-negative number");
            }

            Autoencoder = anomaly.Architecture.Build(Normalizer.InputSize);
            RequireCount("autoencoder", Autoencoder.ParameterCount, anomalyParameters);
        }
        else if (anomalyParameters is not null)
        {
            throw new ArgumentException("anomaly parameters given but the manifest has no anomaly detector");
        }

        Manifest = manifest;
        _classifierParameters = classifierParameters;
        _anomalyParameters = anomalyParameters;
        _pool = new InferenceSessionPool(this);
    }

    public ModelManifest Manifest { get; }

    public IReadOnlyList<string> ClassNames => Manifest.Classes;

    public FeatureNormalizer Normalizer { get; }

    public INetwork Classifier { get; }

    /// <summary>The anomaly autoencoder, or null.</summary>
    public DenseAutoencoder? Autoencoder { get; }

    public ReadOnlySpan<float> ClassifierParameters => _classifierParameters;

    public ReadOnlySpan<float> AnomalyParameters => _anomalyParameters;

    /// <summary>Scores above this are anomalous; null without an anomaly detector.</summary>
    public float? AnomalyThreshold => Manifest.Anomaly?.Threshold;

    /// <summary>A session for one thread, batching up to <paramref name="maxBatch"/> windows.</summary>
    public InferenceSession CreateSession(int maxBatch = 1) => new(this, maxBatch);

    /// <summary>Thread-safe <see cref="InferenceSession.Score"/> on a pooled session.</summary>
    public WindowScore Score(ReadOnlySpan<float> window, Span<float> probabilities)
    {
        var session = _pool.Rent();
        try
        {
            return session.Score(window, probabilities);
        }
        finally
        {
            _pool.Return(session);
        }
    }

    /// <summary>Thread-safe <see cref="InferenceSession.Classify"/> on a pooled session.</summary>
    public int Classify(ReadOnlySpan<float> window, Span<float> probabilities)
    {
        var session = _pool.Rent();
        try
        {
            return session.Classify(window, probabilities);
        }
        finally
        {
            _pool.Return(session);
        }
    }

    /// <summary>Writes <c>model.json</c> and <c>weights.bin</c> into <paramref name="directory"/>.</summary>
    public void Save(string directory) => ModelFile.Save(this, directory);

    /// <exception cref="ModelFileException">The directory does not hold a valid model.</exception>
    public static DetectionModel Load(string directory) => ModelFile.Load(directory);

    internal float[] ClassifierArray => _classifierParameters;

    internal float[]? AnomalyArray => _anomalyParameters;

    private static void RequireCount(string what, int expected, float[]? parameters)
    {
        if (parameters is null || parameters.Length != expected)
        {
            throw new ArgumentException($"the {what} architecture has {expected} parameters, got {parameters?.Length ?? 0}");
        }
    }
}
