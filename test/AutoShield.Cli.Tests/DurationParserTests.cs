using AutoShield.Cli.Infrastructure;

namespace AutoShield.Cli.Tests;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("60", 60)]
    [InlineData("60s", 60)]
    [InlineData("5m", 300)]
    [InlineData("1h30m", 5400)]
    [InlineData("250ms", 0.25)]
    [InlineData("1.5s", 1.5)]
    [InlineData(" 2d ", 172800)]
    public void TryParse_ValidText_ReturnsSeconds(string text, double seconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration, out var error), error);
        Assert.Equal(seconds, duration.TotalSeconds, 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("5x")]
    [InlineData("0")]
    [InlineData("-3s")]
    [InlineData("m")]
    public void TryParse_InvalidText_ExplainsWhy(string text)
    {
        Assert.False(DurationParser.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
