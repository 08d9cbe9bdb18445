using AutoShield.Core.Windows;
using AutoShield.Detection.Models;
using AutoShield.Detection.Networks;

namespace AutoShield.Detection.Explanations;

/// <summary>
/// The cheap fallback to <see cref="IntegratedGradients"/>: forward passes only. Each feature is set to its baseline
/// value in every real row, and each real row to the baseline as a whole; an attribution is how much the target
/// logit drops when that part is hidden. One batch of at most 34 windows; no per-cell view. One instance per thread.
/// </summary>
public sealed class Occlusion
{
    public const string MethodName = "occlusion";

    // The window, the baseline, one window per feature, one per row.
    private const int MaxSamples = 2 + WindowShape.Features + WindowShape.Rows;

    private readonly DetectionModel _model;
    private readonly INetworkPass _pass;
    private readonly float[] _input;
    private readonly float[] _baseline;
    private readonly float[] _batch;
    private readonly float[] _logits;

    public Occlusion(DetectionModel model)
    {
        _model = model;
        var size = model.Normalizer.InputSize;
        _pass = model.Classifier.CreatePass(MaxSamples);
        _input = new float[size];
        _baseline = new float[size];
        _batch = new float[MaxSamples * size];
        _logits = new float[MaxSamples * model.ClassNames.Count];
    }

    /// <summary>Attributes the logit of <paramref name="targetClass"/> on a raw window whose last <paramref name="rowCount"/> rows are real.</summary>
    public AttributionMap Explain(ReadOnlySpan<float> window, int rowCount, int targetClass)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(targetClass);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(targetClass, _model.ClassNames.Count);
        rowCount = AttributionBaseline.ClampRows(rowCount);
        var size = _model.Normalizer.InputSize;
        var width = _model.Normalizer.InputWidth;
        var classes = _model.ClassNames.Count;
        var first = WindowShape.Rows - rowCount;
        AttributionBaseline.Build(_model.Normalizer, window, rowCount, _input, _baseline);

        _input.CopyTo(_batch, 0);
        _baseline.CopyTo(_batch, size);
        for (var f = 0; f < WindowShape.Features; f++)
        {
            var sample = _batch.AsSpan((2 + f) * size, size);
            _input.CopyTo(sample);
            for (var r = first; r < WindowShape.Rows; r++)
            {
                sample[(r * width) + f] = _baseline[(r * width) + f];
            }
        }

        for (var i = 0; i < rowCount; i++)
        {
            var r = first + i;
            var sample = _batch.AsSpan((2 + WindowShape.Features + i) * size, size);
            _input.CopyTo(sample);
            _baseline.AsSpan(r * width, width).CopyTo(sample.Slice(r * width, width));
        }

        var count = 2 + WindowShape.Features + rowCount;
        _pass.Forward(_model.ClassifierParameters, _batch.AsSpan(0, count * size), _logits.AsSpan(0, count * classes), count);
        var score = _logits[targetClass];
        var features = new double[WindowShape.Features];
        var rows = new double[WindowShape.Rows];
        for (var f = 0; f < WindowShape.Features; f++)
        {
            features[f] = score - _logits[((2 + f) * classes) + targetClass];
        }

        for (var i = 0; i < rowCount; i++)
        {
            rows[first + i] = score - _logits[((2 + WindowShape.Features + i) * classes) + targetClass];
        }

        return new AttributionMap(MethodName, targetClass, rowCount, null, features, rows, score, _logits[classes + targetClass]);
    }
}
