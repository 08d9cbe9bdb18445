using AutoShield.Detection.Layers;

namespace AutoShield.Detection.Networks;

/// <summary>
/// Buffers of one <see cref="CnnLstmNetwork"/> for one thread; backward buffers appear on first use. The LSTM runs
/// over chunks of at most <see cref="Chunk"/> sequences, each with its own cache block, so a large batch walks the
/// recurrence with its gates in L2 instead of streaming megabytes per step.
/// </summary>
internal sealed class CnnLstmPass : INetworkPass
{
    private const int Chunk = 16;

    // Below this many windows the split path (one input-projection GEMM over all rows, then the per-step
    // recurrence) is faster: the fused step's three-sequence kernel has too few rows to fill.
    private const int FusedMinimum = 3;

    private readonly CnnLstmNetwork _network;
    private readonly float[] _convCache;
    private readonly float[] _features;
    private readonly float[] _lstmCache;
    private readonly float[] _last;
    private readonly float[] _mask;
    private readonly float[] _dropped;

    // Set by Forward, read by Backward: which batch and whether dropout ran.
    private int _batch;
    private bool _dropoutApplied;
    private BackwardBuffers? _backward;
    private CnnLstmInference? _inference;

    public CnnLstmPass(CnnLstmNetwork network, int maxBatch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBatch);
        _network = network;
        MaxBatch = maxBatch;
        var steps = network.Steps;
        var hidden = network.Lstm.Hidden;
        _convCache = new float[network.Conv.CacheSize(maxBatch, steps)];
        _features = new float[maxBatch * steps * network.Conv.OutChannels];
        _lstmCache = new float[((maxBatch + Chunk - 1) / Chunk) * network.Lstm.CacheSize(Math.Min(Chunk, maxBatch), steps)];
        _last = new float[maxBatch * hidden];
        _mask = new float[maxBatch * hidden];
        _dropped = new float[maxBatch * hidden];
    }

    public int MaxBatch { get; }

    public void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output, int batch, Random? dropout = null)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batch, MaxBatch);
        var n = _network;
        var steps = n.Steps;
        var hidden = n.Lstm.Hidden;
        _batch = batch;
        var features = _features.AsSpan(0, batch * steps * n.Conv.OutChannels);
        n.Conv.Forward(parameters.Slice(CnnLstmNetwork.ConvOffset, n.Conv.ParameterCount), input[..(batch * n.InputSize)], features, _convCache, batch, steps);
        Relu.Forward(features, features);
        var last = _last.AsSpan(0, batch * hidden);
        var lstmParameters = parameters.Slice(n.LstmOffset, n.Lstm.ParameterCount);
        var width = n.Conv.OutChannels;
        for (var start = 0; start < batch; start += Chunk)
        {
            var count = Math.Min(Chunk, batch - start);
            n.Lstm.Forward(lstmParameters, features.Slice(start * steps * width, count * steps * width), last.Slice(start * hidden, count * hidden),
                LstmCache(start, count), count, steps);
        }

        _dropoutApplied = dropout is not null && n.Spec.Dropout > 0f;
        ReadOnlySpan<float> headInput = last;
        if (_dropoutApplied)
        {
            Dropout.Forward(last, _dropped, _mask, n.Spec.Dropout, dropout!);
            headInput = _dropped.AsSpan(0, batch * hidden);
        }

        n.Head.Forward(parameters.Slice(n.HeadOffset, n.Head.ParameterCount), headInput, output, batch);
    }

    public void Infer(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output, int batch)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batch, MaxBatch);
        if (batch < FusedMinimum || !CnnLstmInference.Supports(_network))
        {
            Forward(parameters, input, output, batch);
            return;
        }

        // Built on first use, so passes that only train never hold its buffers.
        _inference ??= new CnnLstmInference(_network, MaxBatch);
        _inference.Forward(parameters, input, output, batch);
    }

    public void Backward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> outputGradient, Span<float> parameterGradient, Span<float> inputGradient)
    {
        var n = _network;
        var batch = _batch;
        var steps = n.Steps;
        var hidden = n.Lstm.Hidden;
        var buffers = _backward ??= new BackwardBuffers(n, MaxBatch);
        var headGradient = buffers.HeadInput.AsSpan(0, batch * hidden);
        ReadOnlySpan<float> headInput = _dropoutApplied ? _dropped.AsSpan(0, batch * hidden) : _last.AsSpan(0, batch * hidden);
        n.Head.Backward(parameters.Slice(n.HeadOffset, n.Head.ParameterCount), headInput, outputGradient,
            parameterGradient.Slice(n.HeadOffset, n.Head.ParameterCount), headGradient, buffers.Scratch, batch);
        if (_dropoutApplied)
        {
            Dropout.Backward(headGradient, _mask, headGradient);
        }

        var features = _features.AsSpan(0, batch * steps * n.Conv.OutChannels);
        var featureGradient = buffers.Features.AsSpan(0, features.Length);
        var width = n.Conv.OutChannels;
        for (var start = 0; start < batch; start += Chunk)
        {
            var count = Math.Min(Chunk, batch - start);
            n.Lstm.Backward(parameters.Slice(n.LstmOffset, n.Lstm.ParameterCount), features.Slice(start * steps * width, count * steps * width),
                LstmCache(start, count), headGradient.Slice(start * hidden, count * hidden), parameterGradient.Slice(n.LstmOffset, n.Lstm.ParameterCount),
                featureGradient.Slice(start * steps * width, count * steps * width), buffers.Scratch, count, steps);
        }

        Relu.Backward(features, featureGradient, featureGradient);
        n.Conv.Backward(parameters.Slice(CnnLstmNetwork.ConvOffset, n.Conv.ParameterCount), _convCache, featureGradient,
            parameterGradient.Slice(CnnLstmNetwork.ConvOffset, n.Conv.ParameterCount), inputGradient, buffers.Scratch, batch, steps);
    }

    private Span<float> LstmCache(int start, int count)
    {
        var block = _network.Lstm.CacheSize(Math.Min(Chunk, MaxBatch), _network.Steps);
        return _lstmCache.AsSpan(start / Chunk * block, _network.Lstm.CacheSize(count, _network.Steps));
    }

    private sealed class BackwardBuffers(CnnLstmNetwork n, int maxBatch)
    {
        public float[] HeadInput { get; } = new float[maxBatch * n.Lstm.Hidden];

        public float[] Features { get; } = new float[maxBatch * n.Steps * n.Conv.OutChannels];

        public float[] Scratch { get; } = new float[Math.Max(
            Math.Max(n.Head.BackwardScratchSize, n.Conv.BackwardScratchSize(n.Steps)),
            n.Lstm.BackwardScratchSize(Math.Min(Chunk, maxBatch), n.Steps))];
    }
}
