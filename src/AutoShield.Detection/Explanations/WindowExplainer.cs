using AutoShield.Core.Detections;
using AutoShield.Core.Windows;
using AutoShield.Detection.Models;

namespace AutoShield.Detection.Explanations;

/// <summary>
/// Turns a raised window into an <see cref="Explanation"/>: attributions from integrated gradients or occlusion
/// (classifier verdicts) or from the reconstruction error (anomalies), the strongest features and cells, and the
/// sentence. Runs only for windows raised as attacks, off the per-window hot path, and allocates. One instance per
/// thread (it holds network buffers).
/// </summary>
public sealed class WindowExplainer
{
    private readonly DetectionModel _model;
    private readonly WindowExplainerOptions _options;
    private readonly IntegratedGradients? _gradients;
    private readonly Occlusion? _occlusion;
    private readonly ReconstructionAttribution? _reconstruction;

    public WindowExplainer(DetectionModel model, WindowExplainerOptions? options = null)
    {
        _model = model;
        _options = options ?? new WindowExplainerOptions();
        if (_options.Method == ExplanationMethod.IntegratedGradients)
        {
            _gradients = new IntegratedGradients(model, _options.Steps, _options.MaxSteps, _options.Tolerance);
        }
        else
        {
            _occlusion = new Occlusion(model);
        }

        _reconstruction = model.Autoencoder is null ? null : new ReconstructionAttribution(model);
    }

    /// <summary>Attributes the classifier's verdict <paramref name="classIndex"/> on a raw window.</summary>
    public AttributionMap Attribute(ReadOnlySpan<float> window, int rowCount, int classIndex) =>
        _gradients?.Explain(window, rowCount, classIndex) ?? _occlusion!.Explain(window, rowCount, classIndex);

    /// <summary>Explains the classifier's verdict <paramref name="classIndex"/> on a raw window.</summary>
    public Explanation ExplainClass(ReadOnlySpan<float> window, int rowCount, int classIndex, WindowFacts facts)
    {
        var map = Attribute(window, rowCount, classIndex);
        var sentence = ExplanationSentence.Build(_model.ClassNames[classIndex], facts, map);
        return new Explanation(sentence, Attributions(window, rowCount, map), map.Method);
    }

    /// <summary>Explains an anomaly verdict by the cells the autoencoder reconstructs worst; the model must have one.</summary>
    public Explanation ExplainAnomaly(ReadOnlySpan<float> window, int rowCount, WindowFacts facts)
    {
        if (_reconstruction is null)
        {
            throw new InvalidOperationException("the model has no anomaly detector");
        }

        var map = _reconstruction.Explain(window, rowCount);
        var sentence = ExplanationSentence.Build(AttackClass.Anomaly, facts, map, _model.AnomalyThreshold);
        return new Explanation(sentence, Attributions(window, rowCount, map), map.Method);
    }

    /// <summary>The strongest features (row -1, valued as <see cref="WindowSummary"/> values them), then the strongest cells.</summary>
    public IReadOnlyList<FeatureAttribution> Attributions(ReadOnlySpan<float> window, int rowCount, AttributionMap map)
    {
        var summary = WindowSummary.Summarize(window, rowCount);
        var result = new List<FeatureAttribution>(_options.TopFeatures + _options.TopCells);
        foreach (var f in Enumerable.Range(0, WindowShape.Features).OrderByDescending(f => Math.Abs(map.Features[f])).ThenBy(f => f))
        {
            if (result.Count == _options.TopFeatures)
            {
                break;
            }

            var name = WindowShape.FeatureNames[f];
            if (summary.TryGetValue(name, out var value) && double.IsFinite(map.Features[f]))
            {
                result.Add(new FeatureAttribution(name, -1, map.Features[f], value));
            }
        }

        if (map.Cells is { } cells)
        {
            var first = (WindowShape.Rows - map.RowCount) * WindowShape.Features;
            var candidates = new List<int>(WindowShape.Cells - first);
            for (var c = first; c < WindowShape.Cells; c++)
            {
                if (float.IsFinite(window[c]) && float.IsFinite(cells[c]))
                {
                    candidates.Add(c);
                }
            }

            foreach (var c in candidates.OrderByDescending(c => Math.Abs(cells[c])).ThenBy(c => c).Take(_options.TopCells))
            {
                result.Add(new FeatureAttribution(WindowShape.FeatureNames[c % WindowShape.Features], c / WindowShape.Features, cells[c], window[c]));
            }
        }

        return result;
    }
}
