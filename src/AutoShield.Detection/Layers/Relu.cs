using System.Numerics;
using System.Numerics.Tensors;

namespace AutoShield.Detection.Layers;

/// <summary>max(x, 0) and its gradient (0 at x = 0, as torch).</summary>
public static class Relu
{
    public static void Forward(ReadOnlySpan<float> input, Span<float> output) => TensorPrimitives.Max(input, 0f, output);

    /// <summary>dL/dx from the forward <paramref name="output"/> (y &gt; 0 exactly where x &gt; 0).</summary>
    public static void Backward(ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient)
    {
        var length = output.Length;
        outputGradient = outputGradient[..length];
        inputGradient = inputGradient[..length];
        var w = Vector<float>.Count;
        var i = 0;
        for (; i + w <= length; i += w)
        {
            var y = new Vector<float>(output[i..]);
            var dy = new Vector<float>(outputGradient[i..]);
            Vector.ConditionalSelect(Vector.GreaterThan(y, Vector<float>.Zero), dy, Vector<float>.Zero).CopyTo(inputGradient[i..]);
        }

        for (; i < length; i++)
        {
            inputGradient[i] = output[i] > 0f ? outputGradient[i] : 0f;
        }
    }
}
