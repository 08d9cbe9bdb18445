using AutoShield.Core.Actions;

namespace AutoShield.Kubernetes.Effects;

/// <summary>How the effect check judges an action: how long it watches, how many detections it tolerates, and what comes next when the attack goes on.</summary>
public sealed record EffectOptions
{
    public TimeSpan ObservationPeriod { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Detections after the action that still count as "stopped" (stragglers already in flight).</summary>
    public int Tolerance { get; init; }

    /// <summary>The next, stronger action per action type, asked for when an action did not work.</summary>
    public IReadOnlyDictionary<string, string> Escalations { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ActionType.AlertOnly] = ActionType.NetworkPolicy,
        [ActionType.TrafficThrottle] = ActionType.PodIsolation,
        [ActionType.NetworkPolicy] = ActionType.PodIsolation,
        [ActionType.PodIsolation] = ActionType.PodTermination,
    };
}
