using AutoShield.Detection.Networks;

namespace AutoShield.Detection.Tests.Networks;

public sealed class NetworkGradientTests
{
    public static TheoryData<string> Networks => ["cnn-lstm", "cnn-lstm-even-kernel", "transformer-mean", "transformer-last", "autoencoder"];

    [Theory]
    [MemberData(nameof(Networks))]
    public void Backward_WholeNetwork_MatchesFiniteDifferences(string name)
    {
        // Arrange: small shapes so every parameter and input is checked.
        var network = Build(name);
        var parameters = new float[network.ParameterCount];
        network.Initialize(parameters, new Random(21));
        const int batch = 3;
        var pass = network.CreatePass(batch);

        // Act + Assert
        GradientCheck.Verify(parameters, Some.Floats(batch * network.InputSize, 22, 1.5f), batch * network.OutputSize,
            (p, x, y) => pass.Forward(p, x, y, batch),
            (p, x, dy, dp, dx) =>
            {
                pass.Forward(p, x, new float[batch * network.OutputSize], batch);
                pass.Backward(p, dy, dp, dx);
            });
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Backward_TrainingModeWithFixedDropoutMasks_MatchesFiniteDifferences(string name)
    {
        var network = Build(name);
        var parameters = new float[network.ParameterCount];
        network.Initialize(parameters, new Random(31));
        const int batch = 2;
        var pass = network.CreatePass(batch);

        GradientCheck.Verify(parameters, Some.Floats(batch * network.InputSize, 32, 1.5f), batch * network.OutputSize,
            (p, x, y) => pass.Forward(p, x, y, batch, new Random(5)),
            (p, x, dy, dp, dx) =>
            {
                pass.Forward(p, x, new float[batch * network.OutputSize], batch, new Random(5));
                pass.Backward(p, dy, dp, dx);
            });
    }

    [Fact]
    public void Backward_CnnLstmBatchSpanningSeveralLstmChunks_MatchesFiniteDifferences()
    {
        // The pass runs the LSTM in chunks of 16 sequences; 35 samples make two full chunks and a partial one.
        var network = new CnnLstmSpec(ConvChannels: 3, KernelSize: 3, HiddenSize: 4, Dropout: 0f).Build(2, 4, 2);
        var parameters = new float[network.ParameterCount];
        network.Initialize(parameters, new Random(51));
        const int batch = 35;
        var pass = network.CreatePass(batch);

        GradientCheck.Verify(parameters, Some.Floats(batch * network.InputSize, 52, 1.5f), batch * network.OutputSize,
            (p, x, y) => pass.Forward(p, x, y, batch),
            (p, x, dy, dp, dx) =>
            {
                pass.Forward(p, x, new float[batch * network.OutputSize], batch);
                pass.Backward(p, dy, dp, dx);
            });
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Forward_BatchOfSamples_EqualsEachSampleAlone(string name)
    {
        // Arrange: 37 samples, more than one LSTM chunk.
        var network = Build(name);
        var parameters = new float[network.ParameterCount];
        network.Initialize(parameters, new Random(41));
        const int batch = 37;
        var input = Some.Floats(batch * network.InputSize, 42);
        var together = new float[batch * network.OutputSize];
        var alone = new float[network.OutputSize];

        // Act
        network.CreatePass(batch).Forward(parameters, input, together, batch);

        // Assert
        var single = network.CreatePass(1);
        for (var b = 0; b < batch; b++)
        {
            single.Forward(parameters, input.AsSpan(b * network.InputSize, network.InputSize), alone, 1);
            for (var i = 0; i < alone.Length; i++)
            {
                Assert.Equal(alone[i], together[(b * network.OutputSize) + i], 1e-5f);
            }
        }
    }

    private static INetwork Build(string name) => name switch
    {
        "cnn-lstm" => new CnnLstmSpec(ConvChannels: 6, KernelSize: 3, HiddenSize: 5, Dropout: 0.2f).Build(4, 7, 3),
        "cnn-lstm-even-kernel" => new CnnLstmSpec(ConvChannels: 4, KernelSize: 4, HiddenSize: 9, Dropout: 0.2f).Build(3, 5, 2),
        "transformer-mean" => new TransformerSpec(ModelWidth: 8, Heads: 2, Layers: 2, FeedForwardWidth: 12, Dropout: 0.2f).Build(4, 6, 3),
        "transformer-last" => new TransformerSpec(8, 4, 1, 10, TransformerPooling.Last, 0.2f).Build(3, 5, 4),
        "autoencoder" => new AutoencoderSpec(HiddenSize: 9, CodeSize: 3).Build(14),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
