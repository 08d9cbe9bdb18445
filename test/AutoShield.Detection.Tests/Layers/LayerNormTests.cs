using AutoShield.Detection.Layers;

namespace AutoShield.Detection.Tests.Layers;

public sealed class LayerNormTests
{
    [Fact]
    public void Forward_UnitScale_GivesZeroMeanUnitVariancePerRow()
    {
        var norm = new LayerNorm(16);
        var parameters = new float[norm.ParameterCount];
        norm.Initialize(parameters);
        var output = new float[3 * 16];

        norm.Forward(parameters, Some.Floats(3 * 16, 1, 5f), output, new float[norm.CacheSize(3)], 3);

        for (var r = 0; r < 3; r++)
        {
            var row = output.AsSpan(r * 16, 16).ToArray();
            Assert.Equal(0.0, row.Average(), 1e-5);
            Assert.Equal(1.0, row.Select(v => (double)v * v).Average(), 1e-3);
        }
    }

    [Fact]
    public void Backward_RandomScaleAndShift_MatchesFiniteDifferences()
    {
        var norm = new LayerNorm(10);
        var parameters = Some.Floats(norm.ParameterCount, 7);
        const int rows = 4;
        var cache = new float[norm.CacheSize(rows)];

        GradientCheck.Verify(parameters, Some.Floats(rows * 10, 8, 2f), rows * 10,
            (p, x, y) => norm.Forward(p, x, y, cache, rows),
            (p, x, dy, dp, dx) =>
            {
                norm.Forward(p, x, new float[rows * 10], cache, rows);
                norm.Backward(p, cache, dy, dp, dx, rows);
            });
    }
}
