using AutoShield.Core.Actions;

namespace AutoShield.Kubernetes.Effects;

/// <summary>What the pipeline tells the effect check: detections (or suspicious flows) seen for a target at a time.</summary>
public interface IEffectObserver
{
    void Report(ActionTarget target, DateTimeOffset time, int detections);
}
