using AutoShield.Detection.Networks;

namespace AutoShield.Detection.Training;

/// <summary>
/// One network's training state: parameters, gradients, Adam moments and a pass. Single-threaded by design, so
/// every reduction happens in the same order and a seed reproduces the weights bit for bit.
/// </summary>
internal sealed class NetworkOptimizer
{
    private readonly INetwork _network;
    private readonly INetworkPass _pass;
    private readonly float[] _gradients;
    private readonly float[] _outputs;
    private readonly float[] _outputGradient;
    private readonly Adam _adam;
    private readonly float _maxGradientNorm;

    public NetworkOptimizer(INetwork network, Random initialization, int batchSize, TrainingOptions options)
    {
        _network = network;
        Parameters = new float[network.ParameterCount];
        network.Initialize(Parameters, initialization);
        _pass = network.CreatePass(batchSize);
        _gradients = new float[network.ParameterCount];
        _outputs = new float[batchSize * network.OutputSize];
        _outputGradient = new float[batchSize * network.OutputSize];
        _adam = new Adam(network.ParameterCount, options.LearningRate, options.WeightDecay);
        _maxGradientNorm = options.MaxGradientNorm;
    }

    public float[] Parameters { get; }

    public int MaxBatch => _pass.MaxBatch;

    /// <summary>Forward in training mode, loss, backward, clip, Adam step; returns the batch loss.</summary>
    public float Step(ReadOnlySpan<float> inputs, ReadOnlySpan<int> samples, BatchLoss loss, Random dropout)
    {
        var batch = samples.Length;
        var outputs = _outputs.AsSpan(0, batch * _network.OutputSize);
        var outputGradient = _outputGradient.AsSpan(0, outputs.Length);
        _pass.Forward(Parameters, inputs, outputs, batch, dropout);
        var value = loss(samples, inputs, outputs, outputGradient);
        Array.Clear(_gradients);
        _pass.Backward(Parameters, outputGradient, _gradients, []);
        GradientClipping.ClipByGlobalNorm(_gradients, _maxGradientNorm);
        _adam.Update(Parameters, _gradients);
        return value;
    }

    /// <summary>Evaluation-mode outputs for a batch.</summary>
    public void Predict(ReadOnlySpan<float> inputs, Span<float> outputs, int batch) => _pass.Forward(Parameters, inputs, outputs, batch);
}
