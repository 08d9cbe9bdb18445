using AutoShield.Detection.Layers;

namespace AutoShield.Detection.Tests.Layers;

public sealed class MultiHeadSelfAttentionTests
{
    [Fact]
    public void Forward_IdenticalRows_ReturnsProjectedValueOfThatRow()
    {
        // Arrange: every row equal → attention averages equal values, so each output is out(v(x)).
        var attention = new MultiHeadSelfAttention(8, 2);
        var parameters = new float[attention.ParameterCount];
        attention.Initialize(parameters, new Random(1));
        var row = Some.Floats(8, 2);
        var input = Enumerable.Range(0, 5).SelectMany(_ => row).ToArray();
        var output = new float[40];

        // Act
        attention.Forward(parameters, input, output, new float[attention.CacheSize(1, 5)],
            new float[attention.ForwardScratchSize(5)], 1, 5, 0f, null);

        // Assert
        var inProj = new Linear(8, 24);
        var qkv = new float[24];
        inProj.Forward(parameters.AsSpan(0, inProj.ParameterCount), row, qkv, 1);
        var expected = new float[8];
        new Linear(8, 8).Forward(parameters.AsSpan(inProj.ParameterCount), qkv.AsSpan(16, 8), expected, 1);
        for (var t = 0; t < 5; t++)
        {
            for (var i = 0; i < 8; i++)
            {
                Assert.Equal(expected[i], output[(t * 8) + i], 1e-5f);
            }
        }
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(0.3f)]
    public void Backward_RandomWeights_MatchesFiniteDifferences(float dropout)
    {
        var attention = new MultiHeadSelfAttention(8, 2);
        var parameters = Some.Floats(attention.ParameterCount, 3, 0.5f);
        const int batch = 2;
        const int steps = 5;
        var cache = new float[attention.CacheSize(batch, steps)];
        var forwardScratch = new float[attention.ForwardScratchSize(steps)];
        var backwardScratch = new float[attention.BackwardScratchSize(batch, steps)];

        // A fresh generator with the same seed on every call fixes the dropout masks across the nudges.
        Random? Masks() => dropout > 0 ? new Random(17) : null;
        GradientCheck.Verify(parameters, Some.Floats(batch * steps * 8, 4), batch * steps * 8,
            (p, x, y) => attention.Forward(p, x, y, cache, forwardScratch, batch, steps, dropout, Masks()),
            (p, x, dy, dp, dx) =>
            {
                attention.Forward(p, x, new float[batch * steps * 8], cache, forwardScratch, batch, steps, dropout, Masks());
                attention.Backward(p, x, cache, dy, dp, dx, backwardScratch, batch, steps, dropout > 0);
            });
    }
}
