using AutoShield.Detection.Layers;

namespace AutoShield.Detection.Tests.Layers;

public sealed class ActivationTests
{
    [Theory]
    [InlineData(0f, 0f)]
    [InlineData(1f, 0.8413447460685429f)]
    [InlineData(-1f, -0.15865525393145707f)]
    [InlineData(2.5f, 2.4844757079638857f)]
    [InlineData(-3f, -0.0040496500734f)]
    public void GeluForward_KnownPoints_MatchesErfForm(float x, float expected)
    {
        // Arrange: 17 copies so both the SIMD body and the scalar tail see the value.
        var input = Enumerable.Repeat(x, 17).ToArray();
        var output = new float[17];

        // Act
        Gelu.Forward(input, output);

        // Assert: x·Φ(x) from the exact erf, to float precision.
        Assert.All(output, y => Assert.Equal(expected, y, 2e-6f));
    }

    [Fact]
    public void GeluBackward_RandomInputs_MatchesFiniteDifferences()
    {
        var input = Some.Floats(37, 1, 4f);
        GradientCheck.Verify([], input, input.Length,
            (_, x, y) => Gelu.Forward(x, y),
            (_, x, dy, _, dx) => Gelu.Backward(x, dy, dx));
    }

    [Fact]
    public void ReluBackward_InputsAwayFromZero_MatchesFiniteDifferences()
    {
        var input = Some.Floats(37, 2, 3f).Select(v => MathF.Abs(v) < 0.05f ? v + 0.2f : v).ToArray();
        var output = new float[input.Length];
        GradientCheck.Verify([], input, input.Length,
            (_, x, y) => Relu.Forward(x, y),
            (_, x, dy, _, dx) =>
            {
                Relu.Forward(x, output);
                Relu.Backward(output, dy, dx);
            });
    }

    [Fact]
    public void DropoutForward_SameSeed_SameMaskAndExpectationKept()
    {
        // Arrange
        var input = Enumerable.Repeat(1f, 20000).ToArray();
        var first = new float[input.Length];
        var second = new float[input.Length];
        var mask = new float[input.Length];

        // Act
        Dropout.Forward(input, first, mask, 0.25f, new Random(9));
        Dropout.Forward(input, second, mask, 0.25f, new Random(9));

        // Assert: identical draws, survivors scaled by 4/3, mean preserved, about a quarter dropped.
        Assert.Equal(first, second);
        Assert.All(first, v => Assert.True(v == 0f || Math.Abs(v - (4f / 3f)) < 1e-6f));
        Assert.Equal(1.0, first.Average(), 0.03);
        Assert.InRange(first.Count(v => v == 0f) / (double)first.Length, 0.23, 0.27);
    }

    [Fact]
    public void DropoutBackward_FixedMask_MatchesFiniteDifferences()
    {
        var input = Some.Floats(40, 3);
        var mask = new float[input.Length];
        GradientCheck.Verify([], input, input.Length,
            (_, x, y) => Dropout.Forward(x, y, mask, 0.5f, new Random(11)),
            (_, _, dy, _, dx) => Dropout.Backward(dy, mask, dx));
    }
}
