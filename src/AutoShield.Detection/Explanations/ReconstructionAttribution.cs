using AutoShield.Core.Windows;
using AutoShield.Detection.Models;
using AutoShield.Detection.Networks;

namespace AutoShield.Detection.Explanations;

/// <summary>
/// Explains an anomaly score: the score is the mean squared reconstruction error over the normalised window, so
/// each cell's share of it (its squared error over the input size) is an exact decomposition: the cells sum to the
/// score. Flag columns are folded into the byte features. One instance per thread.
/// </summary>
public sealed class ReconstructionAttribution
{
    public const string MethodName = "reconstruction-error";

    private readonly DetectionModel _model;
    private readonly INetworkPass _pass;
    private readonly float[] _input;
    private readonly float[] _reconstruction;

    /// <exception cref="InvalidOperationException">The model has no anomaly detector.</exception>
    public ReconstructionAttribution(DetectionModel model)
    {
        _model = model;
        _pass = model.Autoencoder?.CreatePass(1) ?? throw new InvalidOperationException("the model has no anomaly detector");
        _input = new float[model.Normalizer.InputSize];
        _reconstruction = new float[model.Normalizer.InputSize];
    }

    /// <summary>Per-cell shares of the anomaly score of a raw window; <see cref="AttributionMap.BaselineScore"/> is the model's threshold.</summary>
    public AttributionMap Explain(ReadOnlySpan<float> window, int rowCount)
    {
        rowCount = AttributionBaseline.ClampRows(rowCount);
        var size = _model.Normalizer.InputSize;
        _model.Normalizer.Apply(window, _input);
        _pass.Forward(_model.AnomalyParameters, _input, _reconstruction, 1);
        var score = 0f;
        for (var i = 0; i < size; i++)
        {
            var error = _input[i] - _reconstruction[i];
            _reconstruction[i] = error * error / size;
            score += _reconstruction[i];
        }

        var cells = new float[WindowShape.Cells];
        AttributionBaseline.ToCells(_model.Normalizer, _reconstruction, cells);
        return AttributionMap.FromCells(MethodName, -1, rowCount, cells, score, _model.AnomalyThreshold ?? float.NaN);
    }
}
