using AutoShield.Detection.Layers;

namespace AutoShield.Detection.Tests.Layers;

public sealed class LinearTests
{
    [Fact]
    public void Forward_KnownWeights_ComputesAffineMap()
    {
        // Arrange: W stored [inputs, outputs] = [[1, 2], [3, 4], [5, 6]], b = [0.5, −1].
        var layer = new Linear(3, 2);
        float[] parameters = [1, 2, 3, 4, 5, 6, 0.5f, -1];
        float[] input = [1, 0, -1, 2, 1, 0];
        var output = new float[4];

        // Act
        layer.Forward(parameters, input, output, 2);

        // Assert
        Assert.Equal([1 - 5 + 0.5f, 2 - 6 - 1, 2 + 3 + 0.5f, 4 + 4 - 1], output);
    }

    [Fact]
    public void Backward_RandomWeights_MatchesFiniteDifferences()
    {
        var layer = new Linear(7, 11);
        var parameters = new float[layer.ParameterCount];
        layer.Initialize(parameters, new Random(1));
        var scratch = new float[layer.BackwardScratchSize];
        const int rows = 5;

        GradientCheck.Verify(parameters, Some.Floats(rows * 7, 2), rows * 11,
            (p, x, y) => layer.Forward(p, x, y, rows),
            (p, x, dy, dp, dx) => layer.Backward(p, x, dy, dp, dx, scratch, rows));
    }
}
