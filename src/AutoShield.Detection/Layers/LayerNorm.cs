using System.Numerics.Tensors;
using AutoShield.Detection.Interop;

namespace AutoShield.Detection.Layers;

/// <summary>Layer normalisation over each row's last dimension (torch's biased variance, ε = 1e-5). Parameters: γ then β.</summary>
public sealed class LayerNorm
{
    public LayerNorm(int width, float epsilon = 1e-5f)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        Width = width;
        Epsilon = epsilon;
    }

    public int Width { get; }

    public float Epsilon { get; }

    public int ParameterCount => 2 * Width;

    /// <summary>Floats kept for backward: x̂ [rows, width] then 1/σ [rows].</summary>
    public int CacheSize(int rows) => rows * (Width + 1);

    public void Initialize(Span<float> parameters)
    {
        parameters[..Width].Fill(1f);
        parameters.Slice(Width, Width).Clear();
    }

    public void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output, Span<float> cache, int rows)
    {
        var gamma = parameters[..Width];
        var beta = parameters.Slice(Width, Width);
        var normalized = cache[..(rows * Width)];
        var inverseStd = cache.Slice(rows * Width, rows);
        for (var r = 0; r < rows; r++)
        {
            var x = input.Slice(r * Width, Width);
            var xhat = normalized.Slice(r * Width, Width);
            var mean = TensorPrimitives.Sum(x) / Width;
            TensorPrimitives.Subtract(x, mean, xhat);
            var variance = TensorPrimitives.SumOfSquares(xhat) / Width;
            var scale = 1f / MathF.Sqrt(variance + Epsilon);
            inverseStd[r] = scale;
            TensorPrimitives.Multiply(xhat, scale, xhat);
            TensorPrimitives.FusedMultiplyAdd(xhat, gamma, beta, output.Slice(r * Width, Width));
        }
    }

    /// <summary>Adds dL/dγ, dL/dβ and overwrites <paramref name="inputGradient"/> with dL/dx.</summary>
    public void Backward(
        ReadOnlySpan<float> parameters, ReadOnlySpan<float> cache, ReadOnlySpan<float> outputGradient,
        Span<float> parameterGradient, Span<float> inputGradient, int rows)
    {
        var gamma = parameters[..Width];
        var gammaGradient = parameterGradient[..Width];
        var betaGradient = parameterGradient.Slice(Width, Width);
        var normalized = cache[..(rows * Width)];
        var inverseStd = cache.Slice(rows * Width, rows);
        for (var r = 0; r < rows; r++)
        {
            var xhat = normalized.Slice(r * Width, Width);
            var dy = outputGradient.Slice(r * Width, Width);
            var dx = inputGradient.Slice(r * Width, Width);
            TensorPrimitives.FusedMultiplyAdd(dy, xhat, gammaGradient, gammaGradient);
            TensorPrimitives.Add(betaGradient, dy, betaGradient);

            // dx = (1/σ)·(dx̂ − mean(dx̂) − x̂·mean(dx̂ ⊙ x̂)), with dx̂ = dy ⊙ γ.
            TensorPrimitives.Multiply(dy, gamma, dx);
            var meanGradient = TensorPrimitives.Sum(dx) / Width;
            var meanProjection = TensorPrimitives.Dot(dx, xhat) / Width;
            TensorPrimitives.MultiplyAdd(xhat, -meanProjection, dx, dx);
            TensorPrimitives.Subtract(dx, meanGradient, dx);
            TensorPrimitives.Multiply(dx, inverseStd[r], dx);
        }
    }

    /// <summary>The torch <c>nn.LayerNorm</c> tensors under <paramref name="prefix"/>.</summary>
    public void DescribeTorch(string prefix, int offset, ICollection<TorchParameter> into)
    {
        into.Add(new TorchParameter(prefix + "weight", offset, [Width], TorchLayout.Identity));
        into.Add(new TorchParameter(prefix + "bias", offset + Width, [Width], TorchLayout.Identity));
    }
}
