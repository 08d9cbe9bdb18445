using System.Numerics;
using AutoShield.Core.Windows;
using AutoShield.Detection.Kernels;

namespace AutoShield.Detection.Features;

/// <summary>
/// Turns a raw 20 × 12 window into the model's input rows: sign-preserving log1p on heavy-tailed features, then
/// (x − mean)/std; a missing value (NaN or ±∞, e.g. bytes from a source without byte counts) becomes 0, the
/// training mean, and, for the features in <see cref="FeatureNormalization.MissingFlags"/>, sets a 0/1 flag
/// column so the network can tell "unknown" from "average". Applying allocates nothing.
/// </summary>
public sealed class FeatureNormalizer
{
    /// <summary>The byte counts are the features a source may lack (Hubble flows carry none).</summary>
    public static readonly IReadOnlyList<int> DefaultMissingFlags = [(int)WindowFeature.BytesSent, (int)WindowFeature.BytesReceived];

    // Per-cell copies of the per-feature parameters, tiled over the 240 cells so Apply runs as flat SIMD.
    private readonly int[] _logMask;
    private readonly float[] _mean;
    private readonly float[] _inverseStd;
    private readonly int[] _flags;

    public FeatureNormalizer(FeatureNormalization normalization)
    {
        Validate(normalization);
        Normalization = normalization;
        _flags = [.. normalization.MissingFlags];
        _logMask = new int[WindowShape.Cells];
        _mean = new float[WindowShape.Cells];
        _inverseStd = new float[WindowShape.Cells];
        for (var cell = 0; cell < WindowShape.Cells; cell++)
        {
            var feature = cell % WindowShape.Features;
            _logMask[cell] = normalization.Log1p[feature] ? -1 : 0;
            _mean[cell] = normalization.Mean[feature];
            _inverseStd[cell] = 1f / normalization.Std[feature];
        }
    }

    public FeatureNormalization Normalization { get; }

    /// <summary>Input columns per row: the 12 features plus one per missing flag.</summary>
    public int InputWidth => WindowShape.Features + _flags.Length;

    /// <summary>Floats per normalised window.</summary>
    public int InputSize => WindowShape.Rows * InputWidth;

    /// <summary>Which features take log1p by default: all but the failed-connection ratio, which lies in [0, 1].</summary>
    public static bool[] DefaultLog1p()
    {
        var log = new bool[WindowShape.Features];
        Array.Fill(log, true);
        log[(int)WindowFeature.FailedRatio] = false;
        return log;
    }

    /// <summary>Fits mean and standard deviation over every finite value of the given windows (N × 240 floats).</summary>
    public static FeatureNormalizer Fit(ReadOnlySpan<float> windows, bool missingFlags, bool[]? log1p = null)
    {
        log1p ??= DefaultLog1p();
        var sum = new double[WindowShape.Features];
        var squares = new double[WindowShape.Features];
        var counts = new long[WindowShape.Features];
        for (var i = 0; i < windows.Length; i++)
        {
            var feature = i % WindowShape.Features;
            var x = windows[i];
            if (!float.IsFinite(x))
            {
                continue;
            }

            double v = log1p[feature] ? Log1p(x) : x;
            sum[feature] += v;
            squares[feature] += v * v;
            counts[feature]++;
        }

        var mean = new float[WindowShape.Features];
        var std = new float[WindowShape.Features];
        for (var f = 0; f < WindowShape.Features; f++)
        {
            if (counts[f] == 0)
            {
                std[f] = 1f;
                continue;
            }

            var m = sum[f] / counts[f];
            var variance = Math.Max(0, (squares[f] / counts[f]) - (m * m));
            mean[f] = (float)m;

            // A constant feature carries no information; a unit scale keeps it at 0 instead of dividing by ~0.
            std[f] = variance < 1e-12 ? 1f : (float)Math.Sqrt(variance);
        }

        int[] flags = missingFlags ? [.. DefaultMissingFlags] : [];
        return new FeatureNormalizer(new FeatureNormalization(log1p, mean, std, flags));
    }

    /// <summary>Normalises one raw window (240 floats) into <see cref="InputSize"/> floats.</summary>
    public void Apply(ReadOnlySpan<float> window, Span<float> destination)
    {
        if (window.Length < WindowShape.Cells || destination.Length < InputSize)
        {
            throw new ArgumentException($"a window has {WindowShape.Cells} floats and its input {InputSize}");
        }

        if (_flags.Length == 0)
        {
            Normalize(window, destination);
            return;
        }

        Span<float> normalized = stackalloc float[WindowShape.Cells];
        Normalize(window, normalized);
        var width = InputWidth;
        for (var r = 0; r < WindowShape.Rows; r++)
        {
            var row = destination.Slice(r * width, width);
            normalized.Slice(r * WindowShape.Features, WindowShape.Features).CopyTo(row);
            for (var k = 0; k < _flags.Length; k++)
            {
                row[WindowShape.Features + k] = float.IsFinite(window[(r * WindowShape.Features) + _flags[k]]) ? 0f : 1f;
            }
        }
    }

    /// <summary>Normalises <paramref name="count"/> consecutive windows.</summary>
    public void ApplyBatch(ReadOnlySpan<float> windows, int count, Span<float> destination)
    {
        for (var i = 0; i < count; i++)
        {
            Apply(windows.Slice(i * WindowShape.Cells, WindowShape.Cells), destination.Slice(i * InputSize, InputSize));
        }
    }

    private static double Log1p(float x) => Math.CopySign(Math.Log(1.0 + Math.Abs(x)), x);

    private static void Validate(FeatureNormalization n)
    {
        if (n.Log1p is not { Length: WindowShape.Features } || n.Mean is not { Length: WindowShape.Features }
            || n.Std is not { Length: WindowShape.Features })
        {
            throw new ArgumentException($"normalisation needs {WindowShape.Features} values per field");
        }

        for (var f = 0; f < WindowShape.Features; f++)
        {
            if (!float.IsFinite(n.Mean[f]) || !float.IsFinite(n.Std[f]) || n.Std[f] <= 0f)
            {
                throw new ArgumentException($"normalisation of feature {WindowShape.FeatureNames[f]}: mean must be finite and std positive");
            }
        }

        if (n.MissingFlags is null || n.MissingFlags.Any(f => f < 0 || f >= WindowShape.Features) || n.MissingFlags.Distinct().Count() != n.MissingFlags.Length)
        {
            throw new ArgumentException("missing flags must name distinct features 0..11");
        }
    }

    private void Normalize(ReadOnlySpan<float> window, Span<float> destination)
    {
        var w = Vector<float>.Count;
        var limit = new Vector<float>(float.MaxValue);
        var i = 0;
        for (; i + w <= WindowShape.Cells; i += w)
        {
            var x = new Vector<float>(window[i..]);
            var finite = Vector.LessThanOrEqual(Vector.Abs(x), limit);
            var logged = VectorMath.LogAtLeastOne(Vector.Abs(x) + Vector<float>.One);
            logged = Vector.ConditionalSelect(Vector.LessThan(x, Vector<float>.Zero), -logged, logged);
            var value = Vector.ConditionalSelect(new Vector<int>(_logMask.AsSpan(i)), logged, x);
            value = (value - new Vector<float>(_mean.AsSpan(i))) * new Vector<float>(_inverseStd.AsSpan(i));
            Vector.ConditionalSelect(finite, value, Vector<float>.Zero).CopyTo(destination[i..]);
        }

        for (; i < WindowShape.Cells; i++)
        {
            var x = window[i];
            if (!float.IsFinite(x))
            {
                destination[i] = 0f;
                continue;
            }

            var value = _logMask[i] != 0 ? (float)Log1p(x) : x;
            destination[i] = (value - _mean[i]) * _inverseStd[i];
        }
    }
}
