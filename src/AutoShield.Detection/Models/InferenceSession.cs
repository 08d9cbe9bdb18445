using System.Numerics.Tensors;
using AutoShield.Core.Windows;
using AutoShield.Detection.Kernels;
using AutoShield.Detection.Networks;

namespace AutoShield.Detection.Models;

/// <summary>
/// Scratch buffers for scoring windows on one thread: normalisation, the classifier and the autoencoder run in
/// preallocated memory, so scoring allocates nothing. Not thread-safe; create one per thread or use the model's pool.
/// </summary>
public sealed class InferenceSession
{
    private readonly DetectionModel _model;
    private readonly INetworkPass _classifier;
    private readonly INetworkPass? _autoencoder;
    private readonly float[] _inputs;
    private readonly float[] _logits;
    private readonly float[] _reconstruction;

    internal InferenceSession(DetectionModel model, int maxBatch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBatch);
        _model = model;
        MaxBatch = maxBatch;
        _classifier = model.Classifier.CreatePass(maxBatch);
        _autoencoder = model.Autoencoder?.CreatePass(maxBatch);
        _inputs = new float[maxBatch * model.Normalizer.InputSize];
        _logits = new float[maxBatch * model.ClassNames.Count];
        _reconstruction = model.Autoencoder is null ? [] : new float[maxBatch * model.Normalizer.InputSize];
    }

    public DetectionModel Model => _model;

    public int MaxBatch { get; }

    /// <summary>Class probabilities of one raw window (240 floats) into <paramref name="probabilities"/>; returns the most probable class.</summary>
    public int Classify(ReadOnlySpan<float> window, Span<float> probabilities)
    {
        RequireWindows(window, 1);
        var classes = _model.ClassNames.Count;
        _model.Normalizer.Apply(window, _inputs);
        _classifier.Forward(_model.ClassifierArray, _inputs, _logits, 1);
        Softmax.Apply(_logits.AsSpan(0, classes), probabilities[..classes]);
        return ArgMax(probabilities[..classes]);
    }

    /// <summary><see cref="Classify"/> plus the anomaly score and verdict when the model has an anomaly detector.</summary>
    public WindowScore Score(ReadOnlySpan<float> window, Span<float> probabilities)
    {
        var best = Classify(window, probabilities);
        if (_autoencoder is null)
        {
            return new WindowScore(best, probabilities[best], null, false);
        }

        var score = Reconstruct(1, 0);
        return new WindowScore(best, probabilities[best], score, score > _model.AnomalyThreshold);
    }

    /// <summary>The anomaly score of one raw window; NaN when the model has no anomaly detector.</summary>
    public float AnomalyScore(ReadOnlySpan<float> window)
    {
        RequireWindows(window, 1);
        if (_autoencoder is null)
        {
            return float.NaN;
        }

        _model.Normalizer.Apply(window, _inputs);
        return Reconstruct(1, 0);
    }

    /// <summary>Class probabilities of consecutive raw windows (N × 240 floats) into N × classes floats.</summary>
    public void ClassifyBatch(ReadOnlySpan<float> windows, Span<float> probabilities)
    {
        var count = windows.Length / WindowShape.Cells;
        RequireWindows(windows, count);
        var classes = _model.ClassNames.Count;
        if (probabilities.Length < count * classes)
        {
            throw new ArgumentException($"{count} windows need {count * classes} probabilities", nameof(probabilities));
        }

        for (var start = 0; start < count; start += MaxBatch)
        {
            var batch = Math.Min(MaxBatch, count - start);
            _model.Normalizer.ApplyBatch(windows.Slice(start * WindowShape.Cells, batch * WindowShape.Cells), batch, _inputs);
            _classifier.Infer(_model.ClassifierArray, _inputs, _logits, batch);
            for (var b = 0; b < batch; b++)
            {
                Softmax.Apply(_logits.AsSpan(b * classes, classes), probabilities.Slice((start + b) * classes, classes));
            }
        }
    }

    /// <summary>Anomaly scores of consecutive raw windows; requires an anomaly detector.</summary>
    public void AnomalyScoreBatch(ReadOnlySpan<float> windows, Span<float> scores)
    {
        var count = windows.Length / WindowShape.Cells;
        RequireWindows(windows, count);
        if (_autoencoder is null)
        {
            throw new InvalidOperationException("the model has no anomaly detector");
        }

        for (var start = 0; start < count; start += MaxBatch)
        {
            var batch = Math.Min(MaxBatch, count - start);
            _model.Normalizer.ApplyBatch(windows.Slice(start * WindowShape.Cells, batch * WindowShape.Cells), batch, _inputs);
            for (var b = 0; b < batch; b++)
            {
                scores[start + b] = b == 0 ? Reconstruct(batch, 0) : MeanSquaredError(b);
            }
        }
    }

    internal static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    // Runs the autoencoder on the first `batch` normalised inputs and returns sample `index`'s error.
    private float Reconstruct(int batch, int index)
    {
        _autoencoder!.Forward(_model.AnomalyArray, _inputs, _reconstruction, batch);
        return MeanSquaredError(index);
    }

    private float MeanSquaredError(int index)
    {
        var size = _model.Normalizer.InputSize;
        var difference = _reconstruction.AsSpan(index * size, size);
        TensorPrimitives.Subtract(_inputs.AsSpan(index * size, size), difference, difference);
        return TensorPrimitives.SumOfSquares(difference) / size;
    }

    private static void RequireWindows(ReadOnlySpan<float> windows, int count)
    {
        if (count <= 0 || windows.Length != count * WindowShape.Cells)
        {
            throw new ArgumentException($"expected {WindowShape.Cells} floats per window (20 rows × 12 features), got {windows.Length}");
        }
    }
}
