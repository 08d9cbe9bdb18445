using AutoShield.Core.Windows;
using AutoShield.Detection.Features;

namespace AutoShield.Detection.Tests.Features;

public sealed class FeatureNormalizerTests
{
    [Fact]
    public void Fit_Windows_StoresLog1pMeanAndStdPerFeatureIgnoringMissing()
    {
        // Arrange: two windows; bytes sent is e−1 in one and missing in the other, so its log1p values are all 1.
        var windows = new float[2 * WindowShape.Cells];
        for (var r = 0; r < WindowShape.Rows; r++)
        {
            windows[(r * 12) + (int)WindowFeature.BytesSent] = MathF.E - 1;
            windows[WindowShape.Cells + (r * 12) + (int)WindowFeature.BytesSent] = float.NaN;
            windows[(r * 12) + (int)WindowFeature.FailedRatio] = 0.2f;
            windows[WindowShape.Cells + (r * 12) + (int)WindowFeature.FailedRatio] = 0.6f;
        }

        // Act
        var normalization = FeatureNormalizer.Fit(windows, missingFlags: true).Normalization;

        // Assert: failed ratio is not logged (mean 0.4, std 0.2); a constant feature keeps std 1.
        Assert.Equal(1f, normalization.Mean[(int)WindowFeature.BytesSent], 1e-6f);
        Assert.Equal(1f, normalization.Std[(int)WindowFeature.BytesSent]);
        Assert.Equal(0.4f, normalization.Mean[(int)WindowFeature.FailedRatio], 1e-6f);
        Assert.Equal(0.2f, normalization.Std[(int)WindowFeature.FailedRatio], 1e-6f);
        Assert.False(normalization.Log1p[(int)WindowFeature.FailedRatio]);
        Assert.Equal([1, 2], normalization.MissingFlags);
    }

    [Fact]
    public void Apply_MissingAndPresentValues_NormalisesAndSetsFlags()
    {
        // Arrange
        var mean = Enumerable.Repeat(1f, 12).ToArray();
        var std = Enumerable.Repeat(2f, 12).ToArray();
        var normalizer = new FeatureNormalizer(new FeatureNormalization(FeatureNormalizer.DefaultLog1p(), mean, std, [1, 2]));
        var window = new float[WindowShape.Cells];
        window[0] = MathF.E - 1;
        window[1] = float.NaN;
        window[2] = float.PositiveInfinity;
        window[10] = 3f;
        window[12 + 1] = 100f;
        var input = new float[normalizer.InputSize];

        // Act
        normalizer.Apply(window, input);

        // Assert: row 0 = [(1−1)/2, 0 (missing), 0 (missing), …, (3−1)/2 (no log), …, flags 1, 1]; row 1 flags 0, 0.
        Assert.Equal(14, normalizer.InputWidth);
        Assert.Equal(0f, input[0], 1e-6f);
        Assert.Equal(0f, input[1]);
        Assert.Equal(0f, input[2]);
        Assert.Equal(-0.5f, input[3], 1e-6f);
        Assert.Equal(1f, input[10], 1e-6f);
        Assert.Equal([1f, 1f], input[12..14]);
        Assert.Equal((MathF.Log(101f) - 1f) / 2f, input[14 + 1], 1e-5f);
        Assert.Equal([0f, 0f], input[26..28]);
    }

    [Fact]
    public void Apply_WithoutFlags_KeepsTwelveColumnsAndAllocatesNothing()
    {
        var normalizer = FeatureNormalizer.Fit(SyntheticWindows.Create(5, 1).Windows, missingFlags: false);
        var window = SyntheticWindows.Create(1, 2).Windows.AsSpan(0, WindowShape.Cells).ToArray();
        var input = new float[normalizer.InputSize];
        normalizer.Apply(window, input);

        var before = GC.GetAllocatedBytesForCurrentThread();
        normalizer.Apply(window, input);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(WindowShape.Cells, normalizer.InputSize);
        Assert.Equal(0, allocated);
        Assert.All(input, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Apply_HeavyTailedValues_MatchesDoublePrecisionLog1p()
    {
        // Arrange: every feature logged, unit scale, values spanning nine decades and both signs.
        var normalizer = new FeatureNormalizer(new FeatureNormalization(
            Enumerable.Repeat(true, 12).ToArray(), new float[12], Enumerable.Repeat(1f, 12).ToArray(), []));
        var random = new Random(3);
        var window = Enumerable.Range(0, WindowShape.Cells)
            .Select(_ => (float)((random.Next(2) == 0 ? -1 : 1) * Math.Pow(10, (random.NextDouble() * 9) - 3))).ToArray();
        var input = new float[WindowShape.Cells];

        // Act
        normalizer.Apply(window, input);

        // Assert
        for (var i = 0; i < window.Length; i++)
        {
            var expected = Math.CopySign(Math.Log(1 + Math.Abs((double)window[i])), window[i]);
            Assert.Equal(expected, input[i], Math.Max(1e-6, Math.Abs(expected) * 5e-7));
        }
    }
}
