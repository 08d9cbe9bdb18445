using System.Numerics.Tensors;
using AutoShield.Detection.Kernels;
using AutoShield.Detection.Layers;

namespace AutoShield.Detection.Networks;

/// <summary>
/// Evaluation-only forward pass of a <see cref="CnnLstmNetwork"/> for batches, keeping nothing for backward. Windows
/// go in chunks whose convolution output is laid out time-major, so each LSTM step is one fused
/// <see cref="LstmStep"/> over the chunk's sequences; the logits equal <see cref="CnnLstmPass.Forward"/>'s bit for bit.
/// </summary>
internal sealed class CnnLstmInference
{
    // 64 sequences: the chunk's convolution output (steps × 64 × channels floats) and states stay in L2.
    private const int Chunk = 64;

    private readonly CnnLstmNetwork _network;
    private readonly int _chunk;
    private readonly float[] _padded;
    private readonly float[] _features;
    private readonly float[] _bias;
    private readonly float[] _packed;
    private readonly float[] _gates;
    private readonly float[] _cell;
    private readonly float[] _hidden;

    public CnnLstmInference(CnnLstmNetwork network, int maxBatch)
    {
        _network = network;
        _chunk = Math.Min(Chunk, maxBatch);
        var conv = network.Conv;
        var hidden = network.Lstm.Hidden;
        _padded = new float[(network.Steps + conv.KernelSize - 1) * conv.InChannels];
        _features = new float[network.Steps * _chunk * conv.OutChannels];
        _bias = new float[4 * hidden];
        _packed = new float[LstmStep.PackedSize(conv.OutChannels, hidden)];
        _gates = new float[_chunk * 4 * hidden];
        _cell = new float[_chunk * hidden];
        _hidden = new float[2 * _chunk * hidden];
    }

    public static bool Supports(CnnLstmNetwork network) => LstmStep.Supports(network.Lstm.Hidden);

    public void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output, int batch)
    {
        var n = _network;
        var conv = n.Conv;
        var width = conv.OutChannels;
        var hidden = n.Lstm.Hidden;
        var gates = 4 * hidden;
        var convWeightCount = conv.KernelSize * conv.InChannels * width;
        var convParameters = parameters.Slice(CnnLstmNetwork.ConvOffset, conv.ParameterCount);
        var lstmParameters = parameters.Slice(n.LstmOffset, n.Lstm.ParameterCount);
        var biasOffset = (width + hidden) * gates;

        // Lstm.Forward's bias: b_ih + b_hh, summed the same way.
        TensorPrimitives.Add(lstmParameters.Slice(biasOffset, gates), lstmParameters.Slice(biasOffset + gates, gates), _bias);
        LstmStep.Pack(lstmParameters[..(width * gates)], lstmParameters.Slice(width * gates, hidden * gates), width, hidden, _packed);
        var layers = new Layers(
            convParameters[..convWeightCount], convParameters.Slice(convWeightCount, width), parameters.Slice(n.HeadOffset, n.Head.ParameterCount));
        for (var start = 0; start < batch; start += _chunk)
        {
            var count = Math.Min(_chunk, batch - start);
            RunChunk(layers, input.Slice(start * n.InputSize, count * n.InputSize), output.Slice(start * n.Classes, count * n.Classes), count);
        }
    }

    private void RunChunk(in Layers layers, ReadOnlySpan<float> input, Span<float> output, int count)
    {
        var n = _network;
        var conv = n.Conv;
        var steps = n.Steps;
        var inChannels = conv.InChannels;
        var width = conv.OutChannels;
        var hidden = n.Lstm.Hidden;
        var rowStride = count * width;
        var features = _features.AsSpan(0, steps * rowStride);

        // Conv1D.Forward per window, but row t of window b lands at [t, b]: time-major for the recurrence.
        var padded = _padded.AsSpan();
        var before = conv.PadBefore * inChannels;
        padded[..before].Clear();
        padded[(before + (steps * inChannels))..].Clear();
        for (var b = 0; b < count; b++)
        {
            input.Slice(b * steps * inChannels, steps * inChannels).CopyTo(padded[before..]);
            var y = features[(b * width)..];
            Matrix.FillRows(layers.ConvBias, y, steps, rowStride);
            Gemm.MultiplyAdd(padded, inChannels, 1, layers.ConvWeights, width, y, rowStride, steps, conv.KernelSize * inChannels, width);
        }

        Relu.Forward(features, features);
        var previous = _hidden.AsSpan(0, count * hidden);
        var next = _hidden.AsSpan(_chunk * hidden, count * hidden);
        var cell = _cell.AsSpan(0, count * hidden);
        for (var t = 0; t < steps; t++)
        {
            LstmStep.Forward(features.Slice(t * rowStride, rowStride), width, previous, _packed, _bias, _gates, cell, next, count, hidden, first: t == 0);
            var swap = previous;
            previous = next;
            next = swap;
        }

        n.Head.Forward(layers.Head, previous, output, count);
    }

    private readonly ref struct Layers(ReadOnlySpan<float> convWeights, ReadOnlySpan<float> convBias, ReadOnlySpan<float> head)
    {
        public ReadOnlySpan<float> ConvWeights { get; } = convWeights;

        public ReadOnlySpan<float> ConvBias { get; } = convBias;

        public ReadOnlySpan<float> Head { get; } = head;
    }
}
