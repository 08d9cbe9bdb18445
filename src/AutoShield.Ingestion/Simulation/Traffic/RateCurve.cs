namespace AutoShield.Ingestion.Simulation.Traffic;

/// <summary>
/// A request rate that follows the working day (low at night, peaking mid-afternoon UTC) with bursts: every few
/// minutes a spell of 5-60 s at 1.5-3 times the rate, as campaigns, crawlers and retries make.
/// </summary>
internal sealed class RateCurve
{
    private readonly double _peakPerSecond;
    private readonly List<(long Start, long End, double Factor)> _bursts = [];

    public RateCurve(double peakPerSecond, long start, long end, Random random)
    {
        _peakPerSecond = peakPerSecond;
        var t = start + SimContext.Seconds(random.Exponential(90));
        while (t < end)
        {
            var length = SimContext.Seconds(Math.Clamp(random.Exponential(20), 5, 60));
            _bursts.Add((t, t + length, random.Uniform(1.5, 3.0)));
            t += length + SimContext.Seconds(random.Exponential(150));
        }
    }

    public double PerSecond(long time)
    {
        var hour = (time / 1e9 / 3600.0) % 24.0;
        var day = 0.2 + (0.8 * Math.Exp(-Math.Pow(hour - 14.0, 2) / (2 * 4.0 * 4.0)));
        var rate = _peakPerSecond * day;
        foreach (var (start, end, factor) in _bursts)
        {
            if (time >= start && time < end)
            {
                rate *= factor;
                break;
            }
        }

        return rate;
    }

    /// <summary>The next arrival of a Poisson process with this rate.</summary>
    public long Next(long time, Random random) => time + Math.Max(1_000, SimContext.Seconds(random.Exponential(1.0 / PerSecond(time))));
}
