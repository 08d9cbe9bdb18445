using AutoShield.Core.Detections;
using AutoShield.Core.Flows;
using AutoShield.Ingestion.Windows;

namespace AutoShield.Cli.Commands;

/// <summary>
/// Turns a window into a detection for <c>policy backtest</c> (the <c>--detector</c> choice). The label detector
/// uses ground truth; a model-based detector plugs in here as another subclass registered in <see cref="PolicyDetectors"/>.
/// </summary>
public abstract class PolicyWindowDetector
{
    /// <summary>The detection for this window, or null when there is nothing to report. <paramref name="sequence"/> numbers windows from 0.</summary>
    public abstract Detection? Detect(in Connection connection, PairWindow window, FanOutView fanOut, long sequence);
}
