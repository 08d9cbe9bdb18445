using AutoShield.Ingestion.Windows;

namespace AutoShield.Ingestion.Tests.Windows;

public sealed class LinearCountingTests
{
    [Theory]
    [InlineData(16, 100, 0.05)]
    [InlineData(16, 1_000, 0.05)]
    [InlineData(16, 4_000, 0.12)]
    [InlineData(8, 1_000, 0.10)]
    public void Estimate_SequentialValues_IsWithinTheDocumentedError(int words, int distinct, double tolerance)
    {
        var bitmap = new ulong[words];
        for (var value = 0; value < distinct; value++)
        {
            LinearCounting.Set(bitmap, (uint)value);
            LinearCounting.Set(bitmap, (uint)value);
        }

        var estimate = LinearCounting.Estimate(bitmap);

        Assert.InRange(estimate, distinct * (1 - tolerance), distinct * (1 + tolerance));
    }

    [Fact]
    public void Estimate_FullBitmap_SaturatesAtMLnM()
    {
        var bitmap = Enumerable.Repeat(ulong.MaxValue, 16).ToArray();

        Assert.Equal(7_098, LinearCounting.Estimate(bitmap));
    }

    [Fact]
    public void PortSet_SixtyFifthPort_SwitchesToEstimateWithoutLosingCount()
    {
        var block = new ushort[PortSet.BlockLength];
        var exact = 0;
        for (var port = 1000; port < 1065; port++)
        {
            PortSet.Add(block, ref exact, (ushort)port);
            PortSet.Add(block, ref exact, (ushort)port);
        }

        Assert.Equal(-1, exact);
        Assert.InRange(PortSet.Count(block, exact), 65, 68);
    }
}
