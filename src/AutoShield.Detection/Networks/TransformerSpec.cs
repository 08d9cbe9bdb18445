namespace AutoShield.Detection.Networks;

/// <summary>
/// Transformer encoder: Linear input projection → + sinusoidal positions → post-norm encoder layers (as torch's
/// <c>nn.TransformerEncoderLayer(batch_first=True, norm_first=False, activation="gelu")</c>) → pooling → Linear.
/// </summary>
public sealed record TransformerSpec(
    int ModelWidth = 32,
    int Heads = 4,
    int Layers = 2,
    int FeedForwardWidth = 64,
    TransformerPooling Pooling = TransformerPooling.Mean,
    float Dropout = 0.1f) : ClassifierSpec
{
    public const string Kind = "transformer";

    public override INetwork Build(int inputWidth, int steps, int classes) => new TransformerNetwork(inputWidth, steps, classes, this);
}
