using System.Numerics.Tensors;

namespace AutoShield.Detection.Networks;

/// <summary>Buffers of one <see cref="TransformerNetwork"/> for one thread; backward buffers appear on first use.</summary>
internal sealed class TransformerPass : INetworkPass
{
    private readonly TransformerNetwork _network;
    private readonly float[] _input;
    private readonly float[][] _states;
    private readonly EncoderLayerBuffers[] _layers;
    private readonly float[] _pooled;

    // Set by Forward, read by Backward.
    private int _batch;
    private float[]? _gradientA;
    private float[]? _gradientB;
    private float[]? _pooledGradient;
    private float[]? _scratch;

    public TransformerPass(TransformerNetwork network, int maxBatch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBatch);
        _network = network;
        MaxBatch = maxBatch;
        var rows = maxBatch * network.Steps;
        var width = network.Spec.ModelWidth;
        _input = new float[maxBatch * network.InputSize];
        _states = new float[network.Layers.Count + 1][];
        for (var i = 0; i < _states.Length; i++)
        {
            _states[i] = new float[rows * width];
        }

        _layers = new EncoderLayerBuffers[network.Layers.Count];
        for (var i = 0; i < _layers.Length; i++)
        {
            _layers[i] = network.Layers[i].CreateBuffers(maxBatch, network.Steps);
        }

        _pooled = new float[maxBatch * width];
    }

    public int MaxBatch { get; }

    public void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output, int batch, Random? dropout = null)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batch, MaxBatch);
        var n = _network;
        var steps = n.Steps;
        var width = n.Spec.ModelWidth;
        var rows = batch * steps;
        _batch = batch;
        var copy = _input.AsSpan(0, batch * n.InputSize);
        input[..copy.Length].CopyTo(copy);
        var embedded = _states[0].AsSpan(0, rows * width);
        n.Input.Forward(parameters[..n.Input.ParameterCount], copy, embedded, rows);
        for (var b = 0; b < batch; b++)
        {
            var sample = embedded.Slice(b * steps * width, steps * width);
            TensorPrimitives.Add(sample, n.Positions, sample);
        }

        for (var i = 0; i < n.Layers.Count; i++)
        {
            var layer = n.Layers[i];
            layer.Forward(parameters.Slice(n.LayerOffset(i), layer.ParameterCount), _states[i].AsSpan(0, rows * width),
                _states[i + 1].AsSpan(0, rows * width), _layers[i], batch, steps, dropout);
        }

        var encoded = _states[^1];
        var pooled = _pooled.AsSpan(0, batch * width);
        for (var b = 0; b < batch; b++)
        {
            var target = pooled.Slice(b * width, width);
            if (n.Spec.Pooling == TransformerPooling.Last)
            {
                encoded.AsSpan((((b * steps) + steps - 1) * width), width).CopyTo(target);
                continue;
            }

            target.Clear();
            for (var t = 0; t < steps; t++)
            {
                TensorPrimitives.Add(target, encoded.AsSpan(((b * steps) + t) * width, width), target);
            }

            TensorPrimitives.Multiply(target, 1f / steps, target);
        }

        n.Head.Forward(parameters.Slice(n.HeadOffset, n.Head.ParameterCount), pooled, output, batch);
    }

    public void Backward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> outputGradient, Span<float> parameterGradient, Span<float> inputGradient)
    {
        var n = _network;
        var batch = _batch;
        var steps = n.Steps;
        var width = n.Spec.ModelWidth;
        var rows = batch * steps;
        var capacity = MaxBatch * steps * width;
        _gradientA ??= new float[capacity];
        _gradientB ??= new float[capacity];
        _pooledGradient ??= new float[MaxBatch * width];
        _scratch ??= new float[Math.Max(n.Head.BackwardScratchSize, n.Input.BackwardScratchSize)];

        var pooledGradient = _pooledGradient.AsSpan(0, batch * width);
        n.Head.Backward(parameters.Slice(n.HeadOffset, n.Head.ParameterCount), _pooled.AsSpan(0, batch * width), outputGradient,
            parameterGradient.Slice(n.HeadOffset, n.Head.ParameterCount), pooledGradient, _scratch, batch);

        var current = _gradientA.AsSpan(0, rows * width);
        var next = _gradientB.AsSpan(0, rows * width);
        current.Clear();
        for (var b = 0; b < batch; b++)
        {
            var source = pooledGradient.Slice(b * width, width);
            if (n.Spec.Pooling == TransformerPooling.Last)
            {
                source.CopyTo(current.Slice(((b * steps) + steps - 1) * width, width));
                continue;
            }

            for (var t = 0; t < steps; t++)
            {
                TensorPrimitives.Multiply(source, 1f / steps, current.Slice(((b * steps) + t) * width, width));
            }
        }

        for (var i = n.Layers.Count - 1; i >= 0; i--)
        {
            var layer = n.Layers[i];
            layer.Backward(parameters.Slice(n.LayerOffset(i), layer.ParameterCount), _states[i].AsSpan(0, rows * width), current,
                parameterGradient.Slice(n.LayerOffset(i), layer.ParameterCount), next, _layers[i], batch, steps);
            var swap = current;
            current = next;
            next = swap;
        }

        // The positional table is constant, so the embedding's gradient is the first layer's input gradient.
        n.Input.Backward(parameters[..n.Input.ParameterCount], _input.AsSpan(0, batch * n.InputSize), current,
            parameterGradient[..n.Input.ParameterCount], inputGradient, _scratch, rows);
    }
}
