using System.Numerics.Tensors;
using AutoShield.Detection.Interop;
using AutoShield.Detection.Kernels;

namespace AutoShield.Detection.Layers;

/// <summary>
/// Single-layer LSTM over [batch, steps, inputs] returning the last hidden state [batch, hidden], with PyTorch's
/// gate order (i, f, g, o) and its two bias vectors. Parameters: W_ih [inputs, 4H], W_hh [H, 4H] (torch's
/// transposed), b_ih [4H], b_hh [4H].
/// </summary>
public sealed class Lstm
{
    public Lstm(int inputs, int hidden)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hidden);
        Inputs = inputs;
        Hidden = hidden;
    }

    public int Inputs { get; }

    public int Hidden { get; }

    public int ParameterCount => (Inputs * Gates) + (Hidden * Gates) + (2 * Gates);

    private int Gates => 4 * Hidden;

    private int RecurrentOffset => Inputs * Gates;

    private int BiasOffset => RecurrentOffset + (Hidden * Gates);

    /// <summary>Floats kept from forward to backward: activated gates [B,T,4H], then c, tanh(c), h [B,T,H] each.</summary>
    public int CacheSize(int batch, int steps) => batch * steps * (Gates + (3 * Hidden));

    public int BackwardScratchSize(int batch, int steps) =>
        (batch * steps * Gates) + (2 * batch * Hidden) + (Gates * Math.Max(Inputs, Hidden));

    public void Initialize(Span<float> parameters, Random random) =>
        ParameterInit.Uniform(parameters[..ParameterCount], ParameterInit.FanInBound(Hidden), random);

    public void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> lastHidden, Span<float> cache, int batch, int steps)
    {
        var rows = batch * steps;
        var gates = cache[..(rows * Gates)];
        var cell = cache.Slice(rows * Gates, rows * Hidden);
        var tanhCell = cache.Slice(rows * (Gates + Hidden), rows * Hidden);
        var hidden = cache.Slice(rows * (Gates + (2 * Hidden)), rows * Hidden);
        var inputWeights = parameters[..RecurrentOffset];
        var recurrentWeights = parameters.Slice(RecurrentOffset, Hidden * Gates);

        // Both biases and every step's input projection in one product over all rows.
        var bias = parameters.Slice(BiasOffset, Gates);
        var hiddenBias = parameters.Slice(BiasOffset + Gates, Gates);
        var first = gates[..Gates];
        TensorPrimitives.Add(bias, hiddenBias, first);
        for (var r = 1; r < rows; r++)
        {
            first.CopyTo(gates.Slice(r * Gates, Gates));
        }

        Gemm.MultiplyAdd(input, Inputs, 1, inputWeights, Gates, gates, Gates, rows, Inputs, Gates);
        for (var t = 0; t < steps; t++)
        {
            if (t > 0)
            {
                Gemm.MultiplyAdd(hidden[((t - 1) * Hidden)..], steps * Hidden, 1, recurrentWeights, Gates,
                    gates[(t * Gates)..], steps * Gates, batch, Hidden, Gates);
            }

            for (var b = 0; b < batch; b++)
            {
                var row = (b * steps) + t;
                LstmCell.Forward(
                    gates.Slice(row * Gates, Gates),
                    t > 0 ? cell.Slice((row - 1) * Hidden, Hidden) : [],
                    cell.Slice(row * Hidden, Hidden),
                    tanhCell.Slice(row * Hidden, Hidden),
                    hidden.Slice(row * Hidden, Hidden),
                    Hidden);
            }
        }

        for (var b = 0; b < batch; b++)
        {
            hidden.Slice(((b * steps) + steps - 1) * Hidden, Hidden).CopyTo(lastHidden.Slice(b * Hidden, Hidden));
        }
    }

    /// <summary>Back-propagation through time from dL/dh_T; adds parameter gradients, overwrites dL/dx unless empty.</summary>
    public void Backward(
        ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, ReadOnlySpan<float> cache, ReadOnlySpan<float> lastHiddenGradient,
        Span<float> parameterGradient, Span<float> inputGradient, Span<float> scratch, int batch, int steps)
    {
        var rows = batch * steps;
        var gates = cache[..(rows * Gates)];
        var cell = cache.Slice(rows * Gates, rows * Hidden);
        var tanhCell = cache.Slice(rows * (Gates + Hidden), rows * Hidden);
        var hidden = cache.Slice(rows * (Gates + (2 * Hidden)), rows * Hidden);
        var gateGradient = scratch[..(rows * Gates)];
        var hiddenGradient = scratch.Slice(rows * Gates, batch * Hidden);
        var cellGradient = scratch.Slice((rows * Gates) + (batch * Hidden), batch * Hidden);
        var transposed = scratch.Slice((rows * Gates) + (2 * batch * Hidden), Gates * Math.Max(Inputs, Hidden));
        var recurrentGradient = parameterGradient.Slice(RecurrentOffset, Hidden * Gates);

        Matrix.Transpose(parameters.Slice(RecurrentOffset, Hidden * Gates), Hidden, Gates, transposed);
        lastHiddenGradient[..(batch * Hidden)].CopyTo(hiddenGradient);
        cellGradient.Clear();
        for (var t = steps - 1; t >= 0; t--)
        {
            for (var b = 0; b < batch; b++)
            {
                var row = (b * steps) + t;
                LstmCell.Backward(
                    gates.Slice(row * Gates, Gates),
                    t > 0 ? cell.Slice((row - 1) * Hidden, Hidden) : [],
                    tanhCell.Slice(row * Hidden, Hidden),
                    hiddenGradient.Slice(b * Hidden, Hidden),
                    cellGradient.Slice(b * Hidden, Hidden),
                    gateGradient.Slice(row * Gates, Gates),
                    Hidden);
            }

            if (t == 0)
            {
                break;
            }

            // dW_hh += h_{t−1}ᵀ·dA_t and dh_{t−1} = dA_t·W_hhᵀ (the only path into h_{t−1}: only h_T is an output).
            Gemm.MultiplyAdd(hidden[((t - 1) * Hidden)..], 1, steps * Hidden, gateGradient[(t * Gates)..], steps * Gates,
                recurrentGradient, Gates, Hidden, batch, Gates);
            hiddenGradient.Clear();
            Gemm.MultiplyAdd(gateGradient[(t * Gates)..], steps * Gates, 1, transposed, Hidden, hiddenGradient, Hidden, batch, Gates, Hidden);
        }

        Gemm.MultiplyAdd(input, 1, Inputs, gateGradient, Gates, parameterGradient, Gates, Inputs, rows, Gates);
        var biasGradient = parameterGradient.Slice(BiasOffset, Gates);
        Matrix.AddColumnSums(gateGradient, rows, Gates, biasGradient);
        var hiddenBiasGradient = parameterGradient.Slice(BiasOffset + Gates, Gates);
        Matrix.AddColumnSums(gateGradient, rows, Gates, hiddenBiasGradient);
        if (inputGradient.IsEmpty)
        {
            return;
        }

        Matrix.Transpose(parameters[..RecurrentOffset], Inputs, Gates, transposed);
        inputGradient[..(rows * Inputs)].Clear();
        Gemm.MultiplyAdd(gateGradient, Gates, 1, transposed, Inputs, inputGradient, Inputs, rows, Gates, Inputs);
    }

    /// <summary>The torch <c>nn.LSTM</c> (one layer) tensors under <paramref name="prefix"/>.</summary>
    public void DescribeTorch(string prefix, int offset, ICollection<TorchParameter> into)
    {
        into.Add(new TorchParameter(prefix + "weight_ih_l0", offset, [Gates, Inputs], TorchLayout.Transposed));
        into.Add(new TorchParameter(prefix + "weight_hh_l0", offset + RecurrentOffset, [Gates, Hidden], TorchLayout.Transposed));
        into.Add(new TorchParameter(prefix + "bias_ih_l0", offset + BiasOffset, [Gates], TorchLayout.Identity));
        into.Add(new TorchParameter(prefix + "bias_hh_l0", offset + BiasOffset + Gates, [Gates], TorchLayout.Identity));
    }
}
