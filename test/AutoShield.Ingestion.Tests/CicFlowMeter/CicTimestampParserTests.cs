using System.Text;
using AutoShield.Ingestion.CicFlowMeter;

namespace AutoShield.Ingestion.Tests.CicFlowMeter;

public sealed class CicTimestampParserTests
{
    [Theory]
    [InlineData("2017-07-03 11:57:51.590705", "2017-07-03T11:57:51.5907050Z")]
    [InlineData("2017-07-03T11:57:51", "2017-07-03T11:57:51.0000000Z")]
    [InlineData("2017-07-03 11:57:51.5", "2017-07-03T11:57:51.5000000Z")]
    [InlineData("3/7/2017 8:55", "2017-07-03T08:55:00.0000000Z")]
    [InlineData("03/07/2017 08:55:58 AM", "2017-07-03T08:55:58.0000000Z")]
    [InlineData("7/7/2017 12:01:02 AM", "2017-07-07T00:01:02.0000000Z")]
    [InlineData("7/7/2017 12:01:02 PM", "2017-07-07T12:01:02.0000000Z")]
    [InlineData("7/7/2017 3:30:00 pm", "2017-07-07T15:30:00.0000000Z")]
    [InlineData("31/12/2017 23:59:59", "2017-12-31T23:59:59.0000000Z")]
    public void TryParse_KnownForms_GiveUtcNanos(string text, string expected)
    {
        Assert.True(CicTimestampParser.TryParse(Encoding.UTF8.GetBytes(text), TimeSpan.Zero, out var nanos));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(), nanos / 1_000_000);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Ticks % 10_000_000 * 100, nanos % 1_000_000_000);
    }

    [Fact]
    public void TryParse_NineFractionDigitsAndMore_KeepsNanoseconds()
    {
        Assert.True(CicTimestampParser.TryParse("2017-07-03 00:00:00.123456789999"u8, TimeSpan.Zero, out var nanos));
        Assert.Equal(123_456_789, nanos % 1_000_000_000);
    }

    [Fact]
    public void TryParse_UtcOffset_IsSubtracted()
    {
        Assert.True(CicTimestampParser.TryParse("3/7/2017 8:55"u8, TimeSpan.FromHours(-3), out var local));
        Assert.True(CicTimestampParser.TryParse("2017-07-03 11:55:00"u8, TimeSpan.Zero, out var utc));
        Assert.Equal(utc, local);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2017-07-03")]
    [InlineData("2017-13-03 10:00:00")]
    [InlineData("2017-02-29 10:00:00")]
    [InlineData("2017-07-03 24:00:00")]
    [InlineData("2017-07-03 10:60:00")]
    [InlineData("2017-07-03 10:00:00.")]
    [InlineData("2017-07-03 10:00:00Z")]
    [InlineData("3/7/17 8:55")]
    [InlineData("3/7/2017 13:55 PM")]
    [InlineData("3/7/2017 8:55 XM")]
    [InlineData("Infinity")]
    public void TryParse_Invalid_ReturnsFalse(string text)
    {
        Assert.False(CicTimestampParser.TryParse(Encoding.UTF8.GetBytes(text), TimeSpan.Zero, out _));
    }
}
