using AutoShield.Core.Flows;
using AutoShield.Ingestion.Windows;

namespace AutoShield.Cli.Commands;

/// <summary>
/// Turns a window into a detection for <c>policy backtest</c> (the <c>--detector</c> choice). The label detector
/// uses ground truth; <see cref="PolicyModelDetector"/> runs the trained detector.
/// </summary>
public abstract class PolicyWindowDetector
{
    /// <summary>The detection for this window, or null when there is nothing to report. <paramref name="sequence"/> numbers windows from 0.</summary>
    public abstract Core.Detections.Detection? Detect(in Connection connection, PairWindow window, FanOutView fanOut, long sequence);

    /// <summary>Detections held back by <see cref="Detect"/> (a window may raise more than one, a batch flushes late).</summary>
    public virtual IEnumerable<Core.Detections.Detection> Drain() => [];
}
