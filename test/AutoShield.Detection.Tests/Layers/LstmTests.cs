using AutoShield.Detection.Layers;

namespace AutoShield.Detection.Tests.Layers;

public sealed class LstmTests
{
    [Fact]
    public void Forward_ZeroWeights_GivesHalfGatedTanhOfZero()
    {
        // Arrange: all weights 0 → every gate σ(0) = ½, g = tanh(0) = 0, so c = h = 0 at every step.
        var lstm = new Lstm(3, 4);
        var parameters = new float[lstm.ParameterCount];
        var last = new float[4];

        // Act
        lstm.Forward(parameters, Some.Floats(2 * 3, 1), last, new float[lstm.CacheSize(1, 2)], 1, 2);

        // Assert
        Assert.All(last, h => Assert.Equal(0f, h));
    }

    [Fact]
    public void Forward_OneStepWithBiases_MatchesHandComputedCell()
    {
        // Arrange: no weights; b_ih + b_hh per gate block: i = 1, f = 0, g = 2, o = −1 (split across both vectors).
        var lstm = new Lstm(1, 1);
        var parameters = new float[lstm.ParameterCount];
        parameters[8] = 0.5f;
        parameters[12] = 0.5f;
        parameters[10] = 2f;
        parameters[11] = -1f;
        var last = new float[1];

        // Act
        lstm.Forward(parameters, [0f], last, new float[lstm.CacheSize(1, 1)], 1, 1);

        // Assert: c = σ(1)·tanh(2), h = σ(−1)·tanh(c).
        static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
        var c = Sigmoid(1) * MathF.Tanh(2);
        Assert.Equal(Sigmoid(-1) * MathF.Tanh(c), last[0], 1e-6f);
    }

    [Theory]
    [InlineData(1, 8)]
    [InlineData(3, 5)]
    public void Backward_RandomWeights_MatchesFiniteDifferences(int batch, int hidden)
    {
        var lstm = new Lstm(4, hidden);
        var parameters = new float[lstm.ParameterCount];
        lstm.Initialize(parameters, new Random(5));
        const int steps = 6;
        var cache = new float[lstm.CacheSize(batch, steps)];
        var scratch = new float[lstm.BackwardScratchSize(batch, steps)];

        GradientCheck.Verify(parameters, Some.Floats(batch * steps * 4, 6, 2f), batch * hidden,
            (p, x, y) => lstm.Forward(p, x, y, cache, batch, steps),
            (p, x, dy, dp, dx) =>
            {
                lstm.Forward(p, x, new float[batch * hidden], cache, batch, steps);
                lstm.Backward(p, x, cache, dy, dp, dx, scratch, batch, steps);
            });
    }
}
