using AutoShield.Detection.Layers;

namespace AutoShield.Detection.Networks;

/// <summary>Buffers of one <see cref="DenseAutoencoder"/> for one thread. Dropout does not apply to it.</summary>
internal sealed class DenseAutoencoderPass : INetworkPass
{
    private readonly DenseAutoencoder _network;

    // _activations[0] is a copy of the input; _activations[i] the ReLU output feeding layer i.
    private readonly float[][] _activations;
    private int _batch;
    private float[]? _gradientA;
    private float[]? _gradientB;
    private float[]? _scratch;

    public DenseAutoencoderPass(DenseAutoencoder network, int maxBatch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBatch);
        _network = network;
        MaxBatch = maxBatch;
        _activations = new float[network.Layers.Count][];
        for (var i = 0; i < _activations.Length; i++)
        {
            _activations[i] = new float[maxBatch * network.Layers[i].Inputs];
        }
    }

    public int MaxBatch { get; }

    public void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output, int batch, Random? dropout = null)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batch, MaxBatch);
        _batch = batch;
        var layers = _network.Layers;
        input[..(batch * _network.InputSize)].CopyTo(_activations[0]);
        var offset = 0;
        for (var i = 0; i < layers.Count; i++)
        {
            var layer = layers[i];
            var source = _activations[i].AsSpan(0, batch * layer.Inputs);
            var last = i == layers.Count - 1;
            var target = last ? output[..(batch * layer.Outputs)] : _activations[i + 1].AsSpan(0, batch * layer.Outputs);
            layer.Forward(parameters.Slice(offset, layer.ParameterCount), source, target, batch);
            if (!last)
            {
                Relu.Forward(target, target);
            }

            offset += layer.ParameterCount;
        }
    }

    public void Backward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> outputGradient, Span<float> parameterGradient, Span<float> inputGradient)
    {
        var layers = _network.Layers;
        var batch = _batch;
        var widest = 0;
        var scratch = 0;
        foreach (var layer in layers)
        {
            widest = Math.Max(widest, Math.Max(layer.Inputs, layer.Outputs));
            scratch = Math.Max(scratch, layer.BackwardScratchSize);
        }

        _gradientA ??= new float[MaxBatch * widest];
        _gradientB ??= new float[MaxBatch * widest];
        _scratch ??= new float[scratch];
        var offset = _network.ParameterCount;
        ReadOnlySpan<float> current = outputGradient;
        for (var i = layers.Count - 1; i >= 0; i--)
        {
            var layer = layers[i];
            offset -= layer.ParameterCount;
            var target = i == 0 ? inputGradient : (i % 2 == 0 ? _gradientA : _gradientB).AsSpan(0, batch * layer.Inputs);
            layer.Backward(parameters.Slice(offset, layer.ParameterCount), _activations[i].AsSpan(0, batch * layer.Inputs), current,
                parameterGradient.Slice(offset, layer.ParameterCount), target, _scratch, batch);
            if (i > 0)
            {
                Relu.Backward(_activations[i].AsSpan(0, batch * layer.Inputs), target, target);
                current = target;
            }
        }
    }
}
