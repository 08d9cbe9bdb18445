using System.Globalization;
using System.Text;
using AutoShield.Ingestion.Text;

namespace AutoShield.Ingestion.Tests.Text;

public sealed class Rfc3339TimestampTests
{
    [Theory]
    [InlineData("2021-11-10T10:40:56.465597700Z", 1_636_540_856_465_597_700)]
    [InlineData("2021-11-10T10:40:56Z", 1_636_540_856_000_000_000)]
    [InlineData("2021-11-10t10:40:56.1z", 1_636_540_856_100_000_000)]
    [InlineData("2021-11-10 10:40:56.000000001Z", 1_636_540_856_000_000_001)]
    [InlineData("2021-11-10T12:40:56.5+02:00", 1_636_540_856_500_000_000)]
    [InlineData("2021-11-10T05:10:56-05:30", 1_636_540_856_000_000_000)]
    [InlineData("1970-01-01T00:00:00Z", 0)]
    [InlineData("1969-12-31T23:59:59.999999999Z", -1)]
    [InlineData("2024-02-29T00:00:00Z", 1_709_164_800_000_000_000)]
    [InlineData("2000-02-29T00:00:00Z", 951_782_400_000_000_000)]
    [InlineData("2262-04-10T00:00:00Z", 9_223_200_000_000_000_000)]
    public void TryParseUnixNanos_ValidTimestamp_ReturnsNanoseconds(string text, long expected)
    {
        Assert.True(Rfc3339Timestamp.TryParseUnixNanos(Encoding.UTF8.GetBytes(text), out var nanos));
        Assert.Equal(expected, nanos);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2021-11-10")]
    [InlineData("2021-11-10T10:40:56")]
    [InlineData("2021-11-10T10:40:56.Z")]
    [InlineData("2021-11-10T10:40:56.1234567890Z")]
    [InlineData("2021-11-10T24:00:00Z")]
    [InlineData("2021-11-10T10:60:00Z")]
    [InlineData("2021-11-10T10:40:60Z")]
    [InlineData("2021-00-10T10:40:56Z")]
    [InlineData("2021-11-31T10:40:56Z")]
    [InlineData("1900-02-29T10:40:56Z")]
    [InlineData("2021-11-10T10:40:56+0200")]
    [InlineData("2021-11-10T10:40:56+24:00")]
    [InlineData("2021-11-10T10:40:56ZZ")]
    [InlineData("2021/11/10T10:40:56Z")]
    [InlineData("2021-11-10X10:40:56Z")]
    [InlineData("20a1-11-10T10:40:56Z")]
    [InlineData("1600-01-01T00:00:00Z")]
    [InlineData("2300-01-01T00:00:00Z")]
    public void TryParseUnixNanos_InvalidOrOutOfRange_ReturnsFalse(string text) =>
        Assert.False(Rfc3339Timestamp.TryParseUnixNanos(Encoding.UTF8.GetBytes(text), out _));

    [Fact]
    public void TryParseUnixNanos_EveryDayOf400Years_AgreesWithDateTimeOffset()
    {
        var day = new DateTimeOffset(1800, 1, 1, 23, 59, 58, TimeSpan.Zero);
        for (var i = 0; i < 146_097; i += 7)
        {
            var moment = day.AddDays(i);
            var text = moment.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

            Assert.True(Rfc3339Timestamp.TryParseUnixNanos(Encoding.UTF8.GetBytes(text), out var nanos), text);
            Assert.Equal(moment.ToUnixTimeSeconds() * 1_000_000_000, nanos);
        }
    }
}
