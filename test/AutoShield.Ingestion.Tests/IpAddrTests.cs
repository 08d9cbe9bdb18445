using System.Text;
using AutoShield.Core.Net;

namespace AutoShield.Ingestion.Tests;

public sealed class IpAddrTests
{
    [Theory]
    [InlineData("10.244.0.177")]
    [InlineData("192.168.10.50")]
    [InlineData("0.0.0.1")]
    [InlineData("fd00::1")]
    [InlineData("2001:db8::8a2e:370:7334")]
    public void TryParse_Utf8_RoundTripsThroughToString(string text)
    {
        Assert.True(IpAddr.TryParse(Encoding.UTF8.GetBytes(text), out var address));
        Assert.Equal(System.Net.IPAddress.Parse(text).ToString(), address.ToString());
    }

    [Theory]
    [InlineData("256.1.1.1")]
    [InlineData("1.2.3")]
    [InlineData("hello")]
    [InlineData("")]
    public void TryParse_Garbage_ReturnsFalse(string text)
    {
        Assert.False(IpAddr.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void FromV4_IsV4AndOrdered()
    {
        var a = IpAddr.FromV4(10, 0, 0, 1);
        var b = IpAddr.FromV4(10, 0, 0, 2);
        Assert.True(a.IsV4);
        Assert.True(a < b);
        Assert.Equal("10.0.0.1", a.ToString());
    }
}
