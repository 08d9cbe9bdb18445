namespace AutoShield.Detection.Runtime;

/// <summary>
/// Thresholds of the C2-beacon periodicity rule: a pair to a destination outside the cluster whose connections
/// start at a regular interval. Confidence follows the fan-out rules' curve over the margin by which the window
/// is more regular than <see cref="MaxSpread"/> and longer than <see cref="MinIntervals"/>.
/// </summary>
public sealed record PeriodicityRuleOptions
{
    /// <summary>At least this many inter-arrival gaps in the window (connections − 1).</summary>
    public int MinIntervals { get; init; } = 3;

    /// <summary>Mean gap at least this long: faster repeats are sessions or floods, not check-ins.</summary>
    public TimeSpan MinPeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Mean gap at most this long.</summary>
    public TimeSpan MaxPeriod { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Standard deviation of the gaps over their mean (coefficient of variation) at most this.</summary>
    public double MaxSpread { get; init; } = 0.25;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MinIntervals, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxSpread);
        if (MinPeriod <= TimeSpan.Zero || MaxPeriod < MinPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(MinPeriod), MinPeriod, "the period range must be positive and ordered");
        }
    }
}
