namespace AutoShield.Detection.Runtime;

/// <summary>A sink that keeps every detection in memory, for offline runs and tests.</summary>
public sealed class DetectionCollector : IDetectionSink
{
    private readonly List<Core.Detections.Detection> _detections = [];

    public IReadOnlyList<Core.Detections.Detection> Detections => _detections;

    public void OnDetection(Core.Detections.Detection detection) => _detections.Add(detection);
}
