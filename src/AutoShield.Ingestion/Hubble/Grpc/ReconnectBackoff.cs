namespace AutoShield.Ingestion.Hubble.Grpc;

/// <summary>
/// Exponential reconnect delays: the initial delay doubles with each failed attempt up to the cap, and each
/// delay is shortened by up to 20 % of jitter from a seeded <see cref="Random"/>, so that many clients restarted
/// together do not hammer the relay in lock step while a given seed still replays the same delays. Jitter only
/// shortens, so delays spread out at the cap too instead of piling up on it.
/// </summary>
public sealed class ReconnectBackoff
{
    private const double Jitter = 0.2;

    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private readonly Random _random;
    private int _attempt;

    public ReconnectBackoff(TimeSpan initial, TimeSpan max, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(initial, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, initial);
        _initial = initial;
        _max = max;
        _random = random;
    }

    /// <summary>Failed attempts since the last <see cref="Reset"/>.</summary>
    public int Attempt => _attempt;

    /// <summary>The delay before the next attempt, never above the cap.</summary>
    public TimeSpan Next()
    {
        // Past 2^30 times the initial delay every value is the cap anyway; stop doubling before it overflows.
        var exponent = Math.Min(_attempt, 30);
        _attempt++;
        var baseTicks = Math.Min(_initial.Ticks * Math.Pow(2, exponent), _max.Ticks);
        var factor = 1 - (_random.NextDouble() * Jitter);
        return TimeSpan.FromTicks((long)(baseTicks * factor));
    }

    /// <summary>Back to the initial delay, after a connection that delivered data.</summary>
    public void Reset() => _attempt = 0;
}
