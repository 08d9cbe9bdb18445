using System.Numerics;
using AutoShield.Detection.Kernels;

namespace AutoShield.Detection.Layers;

/// <summary>GELU in its exact erf form, x·Φ(x) = ½x(1 + erf(x/√2)), as torch's default <c>nn.GELU()</c>.</summary>
public static class Gelu
{
    public static void Forward(ReadOnlySpan<float> input, Span<float> output)
    {
        var length = input.Length;
        output = output[..length];
        var w = Vector<float>.Count;
        var half = new Vector<float>(0.5f);
        var i = 0;
        for (; i + w <= length; i += w)
        {
            var x = new Vector<float>(input[i..]);
            (half * x * (Vector<float>.One + VectorMath.Erf(x * VectorMath.InvSqrt2))).CopyTo(output[i..]);
        }

        for (; i < length; i++)
        {
            var x = input[i];
            output[i] = 0.5f * x * (1f + VectorMath.Erf(x * VectorMath.InvSqrt2));
        }
    }

    /// <summary>dL/dx = dy·(Φ(x) + x·φ(x)) from the forward <paramref name="input"/>.</summary>
    public static void Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> outputGradient, Span<float> inputGradient)
    {
        var length = input.Length;
        outputGradient = outputGradient[..length];
        inputGradient = inputGradient[..length];
        var w = Vector<float>.Count;
        var half = new Vector<float>(0.5f);
        var i = 0;
        for (; i + w <= length; i += w)
        {
            var x = new Vector<float>(input[i..]);
            var cdf = half * (Vector<float>.One + VectorMath.Erf(x * VectorMath.InvSqrt2));
            var pdf = new Vector<float>(VectorMath.InvSqrt2Pi) * VectorMath.Exp(-half * x * x);
            (new Vector<float>(outputGradient[i..]) * Vector.FusedMultiplyAdd(x, pdf, cdf)).CopyTo(inputGradient[i..]);
        }

        for (; i < length; i++)
        {
            var x = input[i];
            var cdf = 0.5f * (1f + VectorMath.Erf(x * VectorMath.InvSqrt2));
            var pdf = VectorMath.InvSqrt2Pi * MathF.Exp(-0.5f * x * x);
            inputGradient[i] = outputGradient[i] * (cdf + (x * pdf));
        }
    }
}
