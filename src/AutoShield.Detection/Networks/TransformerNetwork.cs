using AutoShield.Detection.Interop;
using AutoShield.Detection.Layers;

namespace AutoShield.Detection.Networks;

/// <summary>
/// The Transformer classifier of <see cref="TransformerSpec"/>; torch names: <c>input.*</c>,
/// <c>encoder.layers.{i}.*</c>, <c>head.*</c>.
/// </summary>
public sealed class TransformerNetwork : INetwork
{
    private readonly float[] _positions;

    public TransformerNetwork(int inputWidth, int steps, int classes, TransformerSpec spec)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spec.Layers);
        InputWidth = inputWidth;
        Steps = steps;
        Classes = classes;
        Spec = spec;
        Input = new Linear(inputWidth, spec.ModelWidth);
        var layers = new TransformerEncoderLayer[spec.Layers];
        for (var i = 0; i < layers.Length; i++)
        {
            layers[i] = new TransformerEncoderLayer(spec.ModelWidth, spec.Heads, spec.FeedForwardWidth, spec.Dropout);
        }

        Layers = layers;
        Head = new Linear(spec.ModelWidth, classes);
        _positions = PositionalEncoding.Create(steps, spec.ModelWidth);
        var tensors = new List<TorchParameter>();
        Input.DescribeTorch("input.", 0, tensors);
        for (var i = 0; i < layers.Length; i++)
        {
            layers[i].DescribeTorch($"encoder.layers.{i}.", LayerOffset(i), tensors);
        }

        Head.DescribeTorch("head.", HeadOffset, tensors);
        TorchParameters = tensors;
    }

    public int InputWidth { get; }

    public int Steps { get; }

    public int Classes { get; }

    public TransformerSpec Spec { get; }

    public Linear Input { get; }

    public IReadOnlyList<TransformerEncoderLayer> Layers { get; }

    public Linear Head { get; }

    /// <summary>The [steps, width] sinusoidal table added after the input projection.</summary>
    public ReadOnlySpan<float> Positions => _positions;

    public int InputSize => Steps * InputWidth;

    public int OutputSize => Classes;

    public int ParameterCount => HeadOffset + Head.ParameterCount;

    public IReadOnlyList<TorchParameter> TorchParameters { get; }

    internal int HeadOffset => LayerOffset(Layers.Count);

    public void Initialize(Span<float> parameters, Random random)
    {
        Input.Initialize(parameters[..Input.ParameterCount], random);
        for (var i = 0; i < Layers.Count; i++)
        {
            Layers[i].Initialize(parameters.Slice(LayerOffset(i), Layers[i].ParameterCount), random);
        }

        Head.Initialize(parameters.Slice(HeadOffset, Head.ParameterCount), random);
    }

    public INetworkPass CreatePass(int maxBatch) => new TransformerPass(this, maxBatch);

    internal int LayerOffset(int index) => Input.ParameterCount + (index * (Layers.Count == 0 ? 0 : Layers[0].ParameterCount));
}
