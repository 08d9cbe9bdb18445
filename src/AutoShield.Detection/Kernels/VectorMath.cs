using System.Numerics;
using System.Runtime.CompilerServices;

namespace AutoShield.Detection.Kernels;

/// <summary>
/// Activation functions on <see cref="Vector{T}"/> lanes with scalar twins for the tails, so fused kernels keep
/// their operands in registers. They share one inlined exp (range reduction by ln 2 and a degree-6 polynomial,
/// relative error about 2e-7), several times cheaper than the general-purpose <see cref="Vector.Exp(Vector{float})"/>.
/// </summary>
internal static class VectorMath
{
    public const float InvSqrt2 = 0.70710678118654752f;
    public const float InvSqrt2Pi = 0.39894228040143268f;

    // Abramowitz and Stegun 7.1.26: |error| below 1.5e-7, well inside float32 noise for GELU.
    private const float ErfP = 0.3275911f;
    private const float ErfA1 = 0.254829592f;
    private const float ErfA2 = -0.284496736f;
    private const float ErfA3 = 1.421413741f;
    private const float ErfA4 = -1.453152027f;
    private const float ErfA5 = 1.061405429f;

    // ln 2 split in two, so k·ln2 is subtracted without rounding error for |k| ≤ 128.
    private const float Ln2High = 0.693145751953125f;
    private const float Ln2Low = 1.428606765330187e-6f;
    private const float Log2E = 1.44269504088896341f;

    /// <summary>e^x for x clamped to [−87.3, 88.3] (the normal float range).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Exp(Vector<float> x)
    {
        // The Native min/max/convert skip .NET's NaN and saturation fix-ups (more than doubling the cost); the clamp
        // keeps k in the normal exponent range, which is all the bit trick below needs.
        x = Vector.MinNative(Vector.MaxNative(x, new Vector<float>(-87.3f)), new Vector<float>(88.3f));
        var k = Vector.Round(x * new Vector<float>(Log2E));
        var r = Vector.FusedMultiplyAdd(k, new Vector<float>(-Ln2High), x);
        r = Vector.FusedMultiplyAdd(k, new Vector<float>(-Ln2Low), r);
        var p = Vector.FusedMultiplyAdd(new Vector<float>(1f / 720f), r, new Vector<float>(1f / 120f));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<float>(1f / 24f));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<float>(1f / 6f));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<float>(0.5f));
        p = Vector.FusedMultiplyAdd(p, r, Vector<float>.One);
        p = Vector.FusedMultiplyAdd(p, r, Vector<float>.One);
        var scale = Vector.ShiftLeft(Vector.ConvertToInt32Native(k) + new Vector<int>(127), 23).As<int, float>();
        return p * scale;
    }

    /// <summary>ln x for finite x ≥ 1 (the log1p of window features): exponent split, then a degree-9 polynomial.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> LogAtLeastOne(Vector<float> x)
    {
        var bits = x.As<float, int>();
        var exponent = Vector.ShiftRightArithmetic(bits, 23) - new Vector<int>(127);
        var mantissa = ((bits & new Vector<int>(0x007FFFFF)) | new Vector<int>(0x3F800000)).As<int, float>();

        // Centre the mantissa on 1: m in [√½, √2) keeps the polynomial's argument small.
        var high = Vector.GreaterThan(mantissa, new Vector<float>(1.41421356f));
        mantissa = Vector.ConditionalSelect(high, mantissa * new Vector<float>(0.5f), mantissa);
        var e = Vector.ConvertToSingle(exponent - high);
        var f = mantissa - Vector<float>.One;
        var z = f * f;
        var p = Vector.FusedMultiplyAdd(new Vector<float>(7.0376836292e-2f), f, new Vector<float>(-1.1514610310e-1f));
        p = Vector.FusedMultiplyAdd(p, f, new Vector<float>(1.1676998740e-1f));
        p = Vector.FusedMultiplyAdd(p, f, new Vector<float>(-1.2420140846e-1f));
        p = Vector.FusedMultiplyAdd(p, f, new Vector<float>(1.4249322787e-1f));
        p = Vector.FusedMultiplyAdd(p, f, new Vector<float>(-1.6668057665e-1f));
        p = Vector.FusedMultiplyAdd(p, f, new Vector<float>(2.0000714765e-1f));
        p = Vector.FusedMultiplyAdd(p, f, new Vector<float>(-2.4999993993e-1f));
        p = Vector.FusedMultiplyAdd(p, f, new Vector<float>(3.3333331174e-1f));
        var y = Vector.FusedMultiplyAdd(p * f, z, new Vector<float>(-0.5f) * z);
        return Vector.FusedMultiplyAdd(e, new Vector<float>(Ln2High), Vector.FusedMultiplyAdd(e, new Vector<float>(Ln2Low), f + y));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Sigmoid(Vector<float> x) => Vector<float>.One / (Vector<float>.One + Exp(-x));

    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));

    /// <summary>tanh(x) = 1 − 2 / (e^{2x} + 1): exact at the saturated ends, absolute error ~1e-7 near zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Tanh(Vector<float> x)
    {
        var two = new Vector<float>(2f);
        return Vector<float>.One - (two / (Exp(x * two) + Vector<float>.One));
    }

    public static float Tanh(float x) => MathF.Tanh(x);

    public static Vector<float> Erf(Vector<float> x)
    {
        var ax = Vector.Abs(x);
        var t = Vector<float>.One / Vector.FusedMultiplyAdd(new Vector<float>(ErfP), ax, Vector<float>.One);
        var poly = Vector.FusedMultiplyAdd(new Vector<float>(ErfA5), t, new Vector<float>(ErfA4));
        poly = Vector.FusedMultiplyAdd(poly, t, new Vector<float>(ErfA3));
        poly = Vector.FusedMultiplyAdd(poly, t, new Vector<float>(ErfA2));
        poly = Vector.FusedMultiplyAdd(poly, t, new Vector<float>(ErfA1));
        var y = Vector<float>.One - (poly * t * Exp(-(ax * ax)));
        return Vector.ConditionalSelect(Vector.LessThan(x, Vector<float>.Zero), -y, y);
    }

    public static float Erf(float x)
    {
        var ax = MathF.Abs(x);
        var t = 1f / MathF.FusedMultiplyAdd(ErfP, ax, 1f);
        var poly = MathF.FusedMultiplyAdd(ErfA5, t, ErfA4);
        poly = MathF.FusedMultiplyAdd(poly, t, ErfA3);
        poly = MathF.FusedMultiplyAdd(poly, t, ErfA2);
        poly = MathF.FusedMultiplyAdd(poly, t, ErfA1);
        var y = 1f - (poly * t * MathF.Exp(-(ax * ax)));
        return x < 0 ? -y : y;
    }
}
