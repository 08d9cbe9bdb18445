using AutoShield.Core.Flows;
using AutoShield.Detection.Models;
using AutoShield.Detection.Runtime;
using AutoShield.Ingestion.Windows;

namespace AutoShield.Cli.Commands;

/// <summary>
/// <c>--detector model</c>: the same <see cref="WindowDetector"/> that <c>autoshield detect</c> and the live loop run
/// (classifier, anomaly score, fan-out rules, repeat suppression), so a backtest shows what the deployed detector
/// and policy would have done together.
/// </summary>
public sealed class PolicyModelDetector : PolicyWindowDetector
{
    private readonly Queue<Core.Detections.Detection> _emitted = new();
    private readonly WindowDetector _detector;

    public PolicyModelDetector(DetectionModel model)
    {
        _detector = new WindowDetector(model, new DelegateDetectionSink(_emitted.Enqueue));
    }

    public override Core.Detections.Detection? Detect(in Connection connection, PairWindow window, FanOutView fanOut, long sequence)
    {
        _detector.OnWindow(connection, window, fanOut);
        return _emitted.TryDequeue(out var detection) ? detection : null;
    }

    public override IEnumerable<Core.Detections.Detection> Drain()
    {
        _detector.Flush();
        while (_emitted.TryDequeue(out var detection))
        {
            yield return detection;
        }
    }
}
