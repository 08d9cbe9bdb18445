using AutoShield.Detection.Layers;

namespace AutoShield.Detection.Tests.Layers;

public sealed class Conv1DTests
{
    [Fact]
    public void Forward_KernelThree_PadsWithZerosAtBothEnds()
    {
        // Arrange: one channel in and out, kernel [1, 2, 3] (stored [k, in, out]), bias 0.
        var conv = new Conv1D(1, 1, 3);
        float[] parameters = [1, 2, 3, 0];
        float[] input = [1, 10, 100];
        var output = new float[3];

        // Act
        conv.Forward(parameters, input, output, new float[conv.CacheSize(1, 3)], 1, 3);

        // Assert: y[t] = 1·x[t−1] + 2·x[t] + 3·x[t+1].
        Assert.Equal([(2 * 1) + (3 * 10), 1 + (2 * 10) + (3 * 100), 10 + (2 * 100)], output);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(2)]
    [InlineData(5)]
    public void Backward_RandomWeights_MatchesFiniteDifferences(int kernel)
    {
        var conv = new Conv1D(5, 9, kernel);
        var parameters = new float[conv.ParameterCount];
        conv.Initialize(parameters, new Random(3));
        const int batch = 2;
        const int steps = 6;
        var cache = new float[conv.CacheSize(batch, steps)];
        var scratch = new float[conv.BackwardScratchSize(steps)];

        GradientCheck.Verify(parameters, Some.Floats(batch * steps * 5, 4), batch * steps * 9,
            (p, x, y) => conv.Forward(p, x, y, cache, batch, steps),
            (p, x, dy, dp, dx) =>
            {
                conv.Forward(p, x, new float[batch * steps * 9], cache, batch, steps);
                conv.Backward(p, cache, dy, dp, dx, scratch, batch, steps);
            });
    }
}
