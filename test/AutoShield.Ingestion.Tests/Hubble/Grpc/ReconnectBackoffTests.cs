using AutoShield.Ingestion.Hubble.Grpc;

namespace AutoShield.Ingestion.Tests.Hubble.Grpc;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Next_RepeatedFailures_DoublesWithinJitterAndStopsAtTheCap()
    {
        // Arrange
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), new Random(7));

        // Act
        var delays = Enumerable.Range(0, 40).Select(_ => backoff.Next().TotalSeconds).ToList();

        // Assert
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var nominal = Math.Pow(2, attempt);
            Assert.InRange(delays[attempt], nominal * 0.8, nominal);
        }

        Assert.All(delays, d => Assert.InRange(d, 0.8, 30));
        Assert.All(delays.Skip(5), d => Assert.InRange(d, 24, 30));
        Assert.True(delays.Distinct().Count() > 30, "jitter spreads the capped delays");
    }

    [Fact]
    public void Next_SameSeed_SameDelays()
    {
        // Arrange
        var a = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), new Random(42));
        var b = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), new Random(42));

        // Act
        var first = Enumerable.Range(0, 10).Select(_ => a.Next()).ToList();
        var second = Enumerable.Range(0, 10).Select(_ => b.Next()).ToList();

        // Assert
        Assert.Equal(first, second);
    }

    [Fact]
    public void Reset_AfterFailures_StartsFromTheInitialDelayAgain()
    {
        // Arrange
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), new Random(1));
        for (var i = 0; i < 5; i++)
        {
            backoff.Next();
        }

        // Act
        backoff.Reset();
        var delay = backoff.Next();

        // Assert
        Assert.InRange(delay.TotalSeconds, 0.8, 1.0);
        Assert.Equal(1, backoff.Attempt);
    }

    [Fact]
    public void Constructor_CapBelowInitial_Throws()
    {
        // Act + Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReconnectBackoff(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1), new Random(1)));
    }
}
