namespace AutoShield.Detection.Networks;

/// <summary>
/// CNN-LSTM: Conv1d over the features ('same' padding) → ReLU → LSTM over the rows → last hidden → dropout → Linear.
/// The defaults are the shipped detector, sized to meet the 25 µs single-window budget.
/// </summary>
public sealed record CnnLstmSpec(int ConvChannels = 32, int KernelSize = 3, int HiddenSize = 32, float Dropout = 0.1f) : ClassifierSpec
{
    public const string Kind = "cnn-lstm";

    public override INetwork Build(int inputWidth, int steps, int classes) => new CnnLstmNetwork(inputWidth, steps, classes, this);
}
