using AutoShield.Detection.Layers;

namespace AutoShield.Detection.Tests.Layers;

public sealed class PositionalEncodingTests
{
    [Fact]
    public void Create_KnownPositions_MatchesSinCosFormula()
    {
        var table = PositionalEncoding.Create(20, 8);

        Assert.Equal(0f, table[0]);
        Assert.Equal(1f, table[1]);
        Assert.Equal(MathF.Sin(3f), table[3 * 8], 1e-6f);
        Assert.Equal(MathF.Cos(3f), table[(3 * 8) + 1], 1e-6f);
        Assert.Equal((float)Math.Sin(19 * Math.Pow(10000, -6.0 / 8)), table[(19 * 8) + 6], 1e-6f);
        Assert.Equal((float)Math.Cos(19 * Math.Pow(10000, -6.0 / 8)), table[(19 * 8) + 7], 1e-6f);
    }
}
