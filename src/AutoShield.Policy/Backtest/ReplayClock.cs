namespace AutoShield.Policy.Backtest;

/// <summary>A clock the backtest moves to each detection's event time, so budgets, cooldowns and TTLs behave as they would have live. It never goes back.</summary>
public sealed class ReplayClock : TimeProvider
{
    private DateTimeOffset _now;

    public ReplayClock(DateTimeOffset start)
    {
        _now = start;
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public override long GetTimestamp() => _now.UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Moves to <paramref name="time"/> when it is later than now.</summary>
    public void MoveTo(DateTimeOffset time)
    {
        if (time > _now)
        {
            _now = time;
        }
    }
}
