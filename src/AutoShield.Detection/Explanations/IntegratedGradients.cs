using System.Numerics.Tensors;
using AutoShield.Core.Windows;
using AutoShield.Detection.Models;
using AutoShield.Detection.Networks;

namespace AutoShield.Detection.Explanations;

/// <summary>
/// Integrated gradients over the classifier: the target logit's gradient with respect to the normalised input,
/// averaged along the straight path from the baseline (<see cref="AttributionBaseline"/>) to the window at
/// midpoints, times (input − baseline), using the network's own backward pass on batches of path points.
/// Completeness (the attributions sum to logit(window) − logit(baseline)) is checked after each run: where the path
/// crosses sharp LSTM or ReLU transitions the quadrature is coarse, so the step count doubles, up to
/// <see cref="MaxSteps"/>, until the gap is within <see cref="Tolerance"/> of the logit difference. One instance per
/// thread; explaining allocates only the returned map.
/// </summary>
public sealed class IntegratedGradients
{
    public const string MethodName = "integrated-gradients";

    // Path points per network pass: enough to batch the GEMMs, small enough to keep activations in cache.
    private const int Chunk = 32;

    private readonly DetectionModel _model;
    private readonly INetworkPass _pass;
    private readonly float[] _input;
    private readonly float[] _baseline;
    private readonly float[] _difference;
    private readonly float[] _sum;
    private readonly float[] _path;
    private readonly float[] _logits;
    private readonly float[] _outputGradient;
    private readonly float[] _inputGradient;
    private readonly float[] _parameterGradient;

    public IntegratedGradients(DetectionModel model, int steps = 32, int maxSteps = 512, float tolerance = 0.02f)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSteps, steps);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        _model = model;
        Steps = steps;
        MaxSteps = maxSteps;
        Tolerance = tolerance;
        var size = model.Normalizer.InputSize;
        var classes = model.ClassNames.Count;
        _pass = model.Classifier.CreatePass(Chunk);
        _input = new float[size];
        _baseline = new float[size];
        _difference = new float[size];
        _sum = new float[size];
        _path = new float[Chunk * size];
        _logits = new float[Chunk * classes];
        _outputGradient = new float[Chunk * classes];
        _inputGradient = new float[Chunk * size];
        _parameterGradient = new float[model.Classifier.ParameterCount];
    }

    /// <summary>Path points of the first run.</summary>
    public int Steps { get; }

    /// <summary>Most path points a refinement may use.</summary>
    public int MaxSteps { get; }

    /// <summary>Largest accepted completeness gap, as a share of |logit(window) − logit(baseline)| (plus 1e-3 absolute).</summary>
    public float Tolerance { get; }

    /// <summary>Path points the last <see cref="Explain"/> used.</summary>
    public int LastSteps { get; private set; }

    /// <summary>Attributes the logit of <paramref name="targetClass"/> on a raw window (240 floats) whose last <paramref name="rowCount"/> rows are real.</summary>
    public AttributionMap Explain(ReadOnlySpan<float> window, int rowCount, int targetClass)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(targetClass);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(targetClass, _model.ClassNames.Count);
        rowCount = AttributionBaseline.ClampRows(rowCount);
        var size = _model.Normalizer.InputSize;
        var classes = _model.ClassNames.Count;
        AttributionBaseline.Build(_model.Normalizer, window, rowCount, _input, _baseline);

        // The two ends of the path first: completeness is measured against them.
        _input.CopyTo(_path, 0);
        _baseline.CopyTo(_path, size);
        _pass.Forward(_model.ClassifierParameters, _path.AsSpan(0, 2 * size), _logits.AsSpan(0, 2 * classes), 2);
        var score = _logits[targetClass];
        var baselineScore = _logits[classes + targetClass];
        var expected = score - baselineScore;
        TensorPrimitives.Subtract(_input, _baseline, _difference);

        var steps = Steps;
        while (true)
        {
            Integrate(steps, targetClass);
            var gap = Math.Abs(TensorPrimitives.Sum(_sum) - expected);
            if (gap <= (Tolerance * Math.Abs(expected)) + 1e-3f || steps * 2 > MaxSteps)
            {
                break;
            }

            steps *= 2;
        }

        LastSteps = steps;
        var cells = new float[WindowShape.Cells];
        AttributionBaseline.ToCells(_model.Normalizer, _sum, cells);
        return AttributionMap.FromCells(MethodName, targetClass, rowCount, cells, score, baselineScore);
    }

    /// <summary>Leaves (x − x') · mean gradient over <paramref name="steps"/> midpoints in <see cref="_sum"/>.</summary>
    private void Integrate(int steps, int targetClass)
    {
        var size = _model.Normalizer.InputSize;
        var classes = _model.ClassNames.Count;
        var parameters = _model.ClassifierParameters;
        Array.Clear(_sum);
        for (var start = 0; start < steps; start += Chunk)
        {
            var count = Math.Min(Chunk, steps - start);
            for (var k = 0; k < count; k++)
            {
                var alpha = (start + k + 0.5f) / steps;
                TensorPrimitives.MultiplyAdd(_difference, alpha, _baseline, _path.AsSpan(k * size, size));
            }

            _pass.Forward(parameters, _path.AsSpan(0, count * size), _logits.AsSpan(0, count * classes), count);
            var outputGradient = _outputGradient.AsSpan(0, count * classes);
            outputGradient.Clear();
            for (var k = 0; k < count; k++)
            {
                outputGradient[(k * classes) + targetClass] = 1f;
            }

            // Parameter gradients are a by-product here; cleared so repeated use cannot overflow them.
            Array.Clear(_parameterGradient);
            _pass.Backward(parameters, outputGradient, _parameterGradient, _inputGradient.AsSpan(0, count * size));
            for (var k = 0; k < count; k++)
            {
                TensorPrimitives.Add(_sum, _inputGradient.AsSpan(k * size, size), _sum);
            }
        }

        TensorPrimitives.Multiply(_sum, _difference, _sum);
        TensorPrimitives.Multiply(_sum, 1f / steps, _sum);
    }
}
