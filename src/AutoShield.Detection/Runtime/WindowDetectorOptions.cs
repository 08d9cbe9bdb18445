using AutoShield.Detection.Explanations;

namespace AutoShield.Detection.Runtime;

/// <summary>Settings of <see cref="WindowDetector"/>; the defaults are the shipped detector's.</summary>
public sealed record WindowDetectorOptions
{
    /// <summary>Detections below this confidence are not raised (classifier, anomaly and fan-out alike).</summary>
    public double MinConfidence { get; init; } = 0.5;

    /// <summary>
    /// A pair (or, for fan-out rules, a source) that keeps raising the same class emits again only after this much
    /// event time; repeats in between are counted as suppressed. A change of class emits at once.
    /// </summary>
    public TimeSpan ReRaiseInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Pairs and sources whose last emission is remembered; beyond it, stale entries are dropped first.</summary>
    public int MaxSuppressionEntries { get; init; } = 65_536;

    /// <summary>Raise ANOMALY when the classifier says benign but the reconstruction error exceeds the model's threshold.</summary>
    public bool UseAnomaly { get; init; } = true;

    /// <summary>Apply the per-source fan-out rules; null turns them off.</summary>
    public FanOutRuleOptions? FanOut { get; init; } = new();

    /// <summary>
    /// Apply the per-destination (fan-in) SYN_FLOOD rule and its support check on the classifier's SYN_FLOOD; null
    /// turns both off.
    /// </summary>
    public FanInRuleOptions? FanIn { get; init; } = new();

    /// <summary>
    /// Raise BRUTE_FORCE when a destination:port refuses many HTTP logins (401) within the interval, most of its HTTP
    /// connections; null turns the rule off.
    /// </summary>
    public AuthFailureRuleOptions? AuthFailure { get; init; } = new();

    /// <summary>
    /// Raise C2_BEACON for pairs to external destinations that connect at a regular interval; null (the default) turns
    /// it off: timing alone does not tell a beacon from a benign poller of an external API (docs/detection.md).
    /// </summary>
    public PeriodicityRuleOptions? Periodicity { get; init; }

    /// <summary>
    /// Raise DATA_EXFILTRATION for DNS query names that carry encoded data or come in many distinct names under one
    /// parent domain (<see cref="DnsNameRule"/>); null turns it off.
    /// </summary>
    public DnsNameRuleOptions? DnsNames { get; init; } = new();

    /// <summary>Withhold classes whose defining signal the window lacks (<see cref="SignalGate"/>).</summary>
    public bool GateBySignal { get; init; } = true;

    /// <summary>Attach attributions and a sentence to classifier and anomaly detections (fan-out ones always get theirs).</summary>
    public bool Explain { get; init; } = true;

    public WindowExplainerOptions Explainer { get; init; } = new();

    /// <summary>
    /// Windows scored together in the batch path (<see cref="WindowDetector"/> then buffers until full or
    /// <see cref="WindowDetector.Flush"/>); 1 scores each window as it arrives.
    /// </summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>Name of the classifier's benign class.</summary>
    public string BenignClass { get; init; } = Core.Detections.AttackClass.Benign;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MinConfidence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinConfidence, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ReRaiseInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSuppressionEntries, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1);
        FanOut?.Validate();
        AuthFailure?.Validate();
        Periodicity?.Validate();
        DnsNames?.Validate();
    }
}
