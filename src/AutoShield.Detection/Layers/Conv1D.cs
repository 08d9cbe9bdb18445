using System.Numerics.Tensors;
using AutoShield.Detection.Interop;
using AutoShield.Detection.Kernels;

namespace AutoShield.Detection.Layers;

/// <summary>
/// 1-D convolution over time with channels = features and zero 'same' padding (torch's split: (k−1)/2 rows
/// before, the rest after). Sequences are [steps, channels] row-major; each output row is one product of the
/// padded input's k consecutive rows (contiguous, so no im2col copy) with W stored [k·in, out], then b [out].
/// </summary>
public sealed class Conv1D
{
    public Conv1D(int inChannels, int outChannels, int kernelSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
    }

    public int InChannels { get; }

    public int OutChannels { get; }

    public int KernelSize { get; }

    public int ParameterCount => (WindowWidth * OutChannels) + OutChannels;

    /// <summary>Zero rows before the first step.</summary>
    public int PadBefore => (KernelSize - 1) / 2;

    private int WindowWidth => KernelSize * InChannels;

    /// <summary>Floats <see cref="Forward"/> keeps for <see cref="Backward"/>: the padded input.</summary>
    public int CacheSize(int batch, int steps) => batch * (steps + KernelSize - 1) * InChannels;

    public int BackwardScratchSize(int steps) =>
        (WindowWidth * OutChannels) + (steps * WindowWidth) + ((steps + KernelSize - 1) * InChannels);

    public void Initialize(Span<float> parameters, Random random) =>
        ParameterInit.Uniform(parameters[..ParameterCount], ParameterInit.FanInBound(WindowWidth), random);

    /// <summary>[batch, steps, in] → [batch, steps, out].</summary>
    public void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output, Span<float> cache, int batch, int steps)
    {
        var padded = (steps + KernelSize - 1) * InChannels;
        var weights = parameters[..(WindowWidth * OutChannels)];
        var bias = parameters.Slice(WindowWidth * OutChannels, OutChannels);
        for (var b = 0; b < batch; b++)
        {
            var pad = cache.Slice(b * padded, padded);
            pad[..(PadBefore * InChannels)].Clear();
            input.Slice(b * steps * InChannels, steps * InChannels).CopyTo(pad[(PadBefore * InChannels)..]);
            pad[((PadBefore + steps) * InChannels)..].Clear();
            var y = output.Slice(b * steps * OutChannels, steps * OutChannels);
            Matrix.FillRows(bias, y, steps, OutChannels);

            // Row t of the implicit im2col matrix starts at pad[t·in] and runs k·in floats: a stride-in view.
            Gemm.MultiplyAdd(pad, InChannels, 1, weights, OutChannels, y, OutChannels, steps, WindowWidth, OutChannels);
        }
    }

    /// <summary>Adds dL/dW, dL/db; overwrites <paramref name="inputGradient"/> with dL/dx unless it is empty.</summary>
    public void Backward(
        ReadOnlySpan<float> parameters, ReadOnlySpan<float> cache, ReadOnlySpan<float> outputGradient,
        Span<float> parameterGradient, Span<float> inputGradient, Span<float> scratch, int batch, int steps)
    {
        var padded = (steps + KernelSize - 1) * InChannels;
        var weightCount = WindowWidth * OutChannels;
        var transposed = scratch[..weightCount];
        var columns = scratch.Slice(weightCount, steps * WindowWidth);
        var padGradient = scratch.Slice(weightCount + (steps * WindowWidth), padded);
        var needInput = !inputGradient.IsEmpty;
        if (needInput)
        {
            Matrix.Transpose(parameters[..weightCount], WindowWidth, OutChannels, transposed);
        }

        for (var b = 0; b < batch; b++)
        {
            var pad = cache.Slice(b * padded, padded);
            var dy = outputGradient.Slice(b * steps * OutChannels, steps * OutChannels);
            Gemm.MultiplyAdd(pad, 1, InChannels, dy, OutChannels, parameterGradient, OutChannels, WindowWidth, steps, OutChannels);
            Matrix.AddColumnSums(dy, steps, OutChannels, parameterGradient.Slice(weightCount, OutChannels));
            if (!needInput)
            {
                continue;
            }

            columns.Clear();
            Gemm.MultiplyAdd(dy, OutChannels, 1, transposed, WindowWidth, columns, WindowWidth, steps, OutChannels, WindowWidth);

            // col2im: the window of row t covers padded rows t .. t+k−1, so its gradient lands there.
            padGradient.Clear();
            for (var t = 0; t < steps; t++)
            {
                var target = padGradient.Slice(t * InChannels, WindowWidth);
                TensorPrimitives.Add(target, columns.Slice(t * WindowWidth, WindowWidth), target);
            }

            padGradient.Slice(PadBefore * InChannels, steps * InChannels).CopyTo(inputGradient.Slice(b * steps * InChannels, steps * InChannels));
        }
    }

    /// <summary>The torch <c>nn.Conv1d</c> tensors under <paramref name="prefix"/>.</summary>
    public void DescribeTorch(string prefix, int offset, ICollection<TorchParameter> into)
    {
        into.Add(new TorchParameter(prefix + "weight", offset, [OutChannels, InChannels, KernelSize], TorchLayout.ConvKernel));
        into.Add(new TorchParameter(prefix + "bias", offset + (WindowWidth * OutChannels), [OutChannels], TorchLayout.Identity));
    }
}
