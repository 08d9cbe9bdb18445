using System.Text;
using AutoShield.Ingestion.Tetragon;

namespace AutoShield.Ingestion.Tests.Tetragon;

public sealed class TetragonTimeTests
{
    [Theory]
    [InlineData("1970-01-01T00:00:00Z", 0L)]
    [InlineData("2022-01-19T16:29:01.861Z", 1_642_609_741_861_000_000L)]
    [InlineData("2022-10-18T03:16:21.373327754Z", 1_666_062_981_373_327_754L)]
    [InlineData("2022-10-18T03:16:21.3Z", 1_666_062_981_300_000_000L)]
    [InlineData("2022-10-18T05:16:21.5+02:00", 1_666_062_981_500_000_000L)]
    [InlineData("2022-10-17T23:16:21-04:00", 1_666_062_981_000_000_000L)]
    [InlineData("2024-02-29t00:00:00z", 1_709_164_800_000_000_000L)]
    public void TryParseUnixNanos_Rfc3339_GivesNanoseconds(string text, long expected)
    {
        Assert.True(TetragonTime.TryParseUnixNanos(Encoding.UTF8.GetBytes(text), out var nanos));
        Assert.Equal(expected, nanos);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2022-10-18")]
    [InlineData("2022-10-18T03:16:21")]
    [InlineData("2022-10-18T03:16:21.Z")]
    [InlineData("2022-10-18T03:16:21.1234567891Z")]
    [InlineData("2022-10-18T24:00:00Z")]
    [InlineData("2023-02-29T00:00:00Z")]
    [InlineData("2022-10-18T03:16:21+2:00")]
    [InlineData("2022-10-18T03:16:21Zjunk")]
    [InlineData("0000-01-01T00:00:00Z")]
    public void TryParseUnixNanos_NotRfc3339_ReturnsFalse(string text)
    {
        Assert.False(TetragonTime.TryParseUnixNanos(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void ToDateTimeOffset_Nanoseconds_KeepsTicks()
    {
        var time = TetragonTime.ToDateTimeOffset(1_666_062_981_373_327_754L);

        Assert.Equal(new DateTimeOffset(2022, 10, 18, 3, 16, 21, TimeSpan.Zero).AddTicks(3_733_277), time);
    }
}
