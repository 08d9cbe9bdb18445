using AutoShield.Detection.Interop;
using AutoShield.Detection.Layers;

namespace AutoShield.Detection.Networks;

/// <summary>
/// The anomaly autoencoder of <see cref="AutoencoderSpec"/>: four <see cref="Linear"/> layers with ReLU between;
/// its output is the reconstruction. Torch names: <c>layers.0.*</c> … <c>layers.3.*</c>.
/// </summary>
public sealed class DenseAutoencoder : INetwork
{
    public DenseAutoencoder(int inputSize, AutoencoderSpec spec)
    {
        Spec = spec;
        InputSize = inputSize;
        Layers =
        [
            new Linear(inputSize, spec.HiddenSize),
            new Linear(spec.HiddenSize, spec.CodeSize),
            new Linear(spec.CodeSize, spec.HiddenSize),
            new Linear(spec.HiddenSize, inputSize),
        ];
        var tensors = new List<TorchParameter>();
        var offset = 0;
        for (var i = 0; i < Layers.Count; i++)
        {
            Layers[i].DescribeTorch($"layers.{i}.", offset, tensors);
            offset += Layers[i].ParameterCount;
        }

        ParameterCount = offset;
        TorchParameters = tensors;
    }

    public AutoencoderSpec Spec { get; }

    public IReadOnlyList<Linear> Layers { get; }

    public int InputSize { get; }

    public int OutputSize => InputSize;

    public int ParameterCount { get; }

    public IReadOnlyList<TorchParameter> TorchParameters { get; }

    public void Initialize(Span<float> parameters, Random random)
    {
        var offset = 0;
        foreach (var layer in Layers)
        {
            layer.Initialize(parameters.Slice(offset, layer.ParameterCount), random);
            offset += layer.ParameterCount;
        }
    }

    public INetworkPass CreatePass(int maxBatch) => new DenseAutoencoderPass(this, maxBatch);
}
