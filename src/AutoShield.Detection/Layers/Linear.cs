using AutoShield.Detection.Interop;
using AutoShield.Detection.Kernels;

namespace AutoShield.Detection.Layers;

/// <summary>
/// Fully connected layer <c>y = x·W + b</c> applied to each row. Parameters: W as [inputs, outputs] (torch's
/// <c>weight</c> transposed, so SIMD runs along the outputs), then b [outputs].
/// </summary>
public sealed class Linear
{
    public Linear(int inputs, int outputs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputs);
        Inputs = inputs;
        Outputs = outputs;
    }

    public int Inputs { get; }

    public int Outputs { get; }

    public int ParameterCount => (Inputs * Outputs) + Outputs;

    /// <summary>Scratch floats <see cref="Backward"/> needs for the transposed weights.</summary>
    public int BackwardScratchSize => Inputs * Outputs;

    public void Initialize(Span<float> parameters, Random random) =>
        ParameterInit.Uniform(parameters[..ParameterCount], ParameterInit.FanInBound(Inputs), random);

    /// <summary>Writes the [rows, outputs] <paramref name="output"/> of the [rows, inputs] <paramref name="input"/>.</summary>
    public void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output, int rows)
    {
        var weights = parameters[..(Inputs * Outputs)];
        var bias = parameters.Slice(Inputs * Outputs, Outputs);
        Matrix.FillRows(bias, output, rows, Outputs);
        Gemm.MultiplyAdd(input, Inputs, 1, weights, Outputs, output, Outputs, rows, Inputs, Outputs);
    }

    /// <summary>
    /// Adds dL/dW and dL/db into <paramref name="parameterGradient"/> and overwrites <paramref name="inputGradient"/>
    /// with dL/dx (skipped when it is empty).
    /// </summary>
    public void Backward(
        ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, ReadOnlySpan<float> outputGradient,
        Span<float> parameterGradient, Span<float> inputGradient, Span<float> scratch, int rows)
    {
        var weightCount = Inputs * Outputs;

        // dW[i, o] += Σr x[r, i]·dy[r, o]: x read transposed through its strides.
        Gemm.MultiplyAdd(input, 1, Inputs, outputGradient, Outputs, parameterGradient, Outputs, Inputs, rows, Outputs);
        Matrix.AddColumnSums(outputGradient, rows, Outputs, parameterGradient.Slice(weightCount, Outputs));
        if (inputGradient.IsEmpty)
        {
            return;
        }

        var transposed = scratch[..weightCount];
        Matrix.Transpose(parameters[..weightCount], Inputs, Outputs, transposed);
        inputGradient[..(rows * Inputs)].Clear();
        Gemm.MultiplyAdd(outputGradient, Outputs, 1, transposed, Inputs, inputGradient, Inputs, rows, Outputs, Inputs);
    }

    /// <summary>The torch <c>nn.Linear</c> tensors under <paramref name="prefix"/>.</summary>
    public void DescribeTorch(string prefix, int offset, ICollection<TorchParameter> into)
    {
        into.Add(new TorchParameter(prefix + "weight", offset, [Outputs, Inputs], TorchLayout.Transposed));
        into.Add(new TorchParameter(prefix + "bias", offset + (Inputs * Outputs), [Outputs], TorchLayout.Identity));
    }
}
