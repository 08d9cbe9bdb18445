using System.Numerics.Tensors;

namespace AutoShield.Detection.Layers;

/// <summary>Inverted dropout for training: keeps each value with probability 1 − rate and scales it by 1/(1 − rate).</summary>
public static class Dropout
{
    /// <summary>Draws the mask from <paramref name="random"/> (so a seed fixes it) and writes y = x ⊙ mask.</summary>
    public static void Forward(ReadOnlySpan<float> input, Span<float> output, Span<float> mask, float rate, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rate);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rate, 1f);
        mask = mask[..input.Length];
        var keep = 1f / (1f - rate);
        for (var i = 0; i < mask.Length; i++)
        {
            mask[i] = random.NextSingle() >= rate ? keep : 0f;
        }

        TensorPrimitives.Multiply(input, mask, output);
    }

    public static void Backward(ReadOnlySpan<float> outputGradient, ReadOnlySpan<float> mask, Span<float> inputGradient) =>
        TensorPrimitives.Multiply(outputGradient, mask[..outputGradient.Length], inputGradient);
}
