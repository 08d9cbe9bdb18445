using AutoShield.Detection.Kernels;

namespace AutoShield.Detection.Tests.Kernels;

public sealed class GemmTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1, 32, 128)]
    [InlineData(3, 7, 5)]
    [InlineData(5, 13, 45)]
    [InlineData(20, 36, 32)]
    [InlineData(4, 9, 8)]
    public void MultiplyAdd_StridedTransposedA_MatchesNaiveProduct(int m, int k, int n)
    {
        // Arrange: A given transposed (element (i, p) at a[p*m + i]), C with a wider row stride and prior content.
        var a = Some.Floats(m * k, 1);
        var b = Some.Floats(k * (n + 3), 2);
        var c = Some.Floats(m * (n + 2), 3);
        var expected = (float[])c.Clone();
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double sum = expected[(i * (n + 2)) + j];
                for (var p = 0; p < k; p++)
                {
                    sum += (double)a[(p * m) + i] * b[(p * (n + 3)) + j];
                }

                expected[(i * (n + 2)) + j] = (float)sum;
            }
        }

        // Act
        Gemm.MultiplyAdd(a, 1, m, b, n + 3, c, n + 2, m, k, n);

        // Assert: padding columns untouched, products within float rounding.
        for (var i = 0; i < c.Length; i++)
        {
            Assert.Equal(expected[i], c[i], 1e-4f);
        }
    }

    [Fact]
    public void MultiplyAdd_SpanTooShort_Throws()
    {
        var a = new float[6];
        var b = new float[6];
        var c = new float[3];
        Assert.Throws<ArgumentException>(() => Gemm.MultiplyAdd(a, 3, 1, b, 2, c, 2, 2, 3, 2));
    }
}
