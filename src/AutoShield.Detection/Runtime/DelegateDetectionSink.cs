namespace AutoShield.Detection.Runtime;

/// <summary>Adapts a callback to <see cref="IDetectionSink"/>.</summary>
public sealed class DelegateDetectionSink(Action<Core.Detections.Detection> onDetection) : IDetectionSink
{
    public void OnDetection(Core.Detections.Detection detection) => onDetection(detection);
}
