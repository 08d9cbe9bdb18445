namespace AutoShield.Detection.Runtime;

/// <summary>Receives each detection the detector emits, on the detector's thread, in window order.</summary>
public interface IDetectionSink
{
    void OnDetection(Core.Detections.Detection detection);
}
