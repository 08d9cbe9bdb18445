namespace AutoShield.Detection.Networks;

/// <summary>Dense autoencoder over a whole normalised window: in → hidden → code → hidden → in, ReLU between.</summary>
public sealed record AutoencoderSpec(int HiddenSize = 64, int CodeSize = 16)
{
    public DenseAutoencoder Build(int inputSize) => new(inputSize, this);
}
