using System.Numerics.Tensors;

namespace AutoShield.Detection.Kernels;

/// <summary>Max-shifted softmax, so large logits or attention scores never overflow exp.</summary>
internal static class Softmax
{
    public static void Apply(ReadOnlySpan<float> values, Span<float> destination)
    {
        var max = TensorPrimitives.Max(values);
        destination = destination[..values.Length];
        TensorPrimitives.Subtract(values, max, destination);
        TensorPrimitives.Exp(destination, destination);
        TensorPrimitives.Multiply(destination, 1f / TensorPrimitives.Sum(destination), destination);
    }
}
