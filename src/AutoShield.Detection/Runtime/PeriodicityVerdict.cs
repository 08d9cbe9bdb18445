namespace AutoShield.Detection.Runtime;

/// <summary>The periodicity rule's finding on one window: the gaps it measured, or default when it did not fire.</summary>
public readonly record struct PeriodicityVerdict(bool Fired, double Confidence, int Intervals, double MeanSeconds, double SpreadSeconds)
{
    /// <summary>Spread over mean.</summary>
    public double Variation => MeanSeconds > 0 ? SpreadSeconds / MeanSeconds : double.PositiveInfinity;
}
