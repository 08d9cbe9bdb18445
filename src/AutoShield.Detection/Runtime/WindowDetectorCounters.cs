namespace AutoShield.Detection.Runtime;

/// <summary>What a <see cref="WindowDetector"/> did so far; read on the detector's thread or after it stopped.</summary>
public sealed class WindowDetectorCounters
{
    private readonly Dictionary<string, long> _emittedByClass = new(StringComparer.Ordinal);

    /// <summary>Windows received.</summary>
    public long Windows { get; internal set; }

    /// <summary>Windows the model scored.</summary>
    public long Scored { get; internal set; }

    /// <summary>Raised windows: an attack class or anomaly at or above the minimum confidence (classifier or fan-out).</summary>
    public long Raised { get; internal set; }

    /// <summary>Detections handed to the sink.</summary>
    public long Emitted { get; internal set; }

    /// <summary>Raised windows held back because they repeated the pair's (or source's) last detection within the re-raise interval.</summary>
    public long Suppressed { get; internal set; }

    public IReadOnlyDictionary<string, long> EmittedByClass => _emittedByClass;

    internal void CountEmitted(string attackClass)
    {
        Emitted++;
        _emittedByClass[attackClass] = _emittedByClass.GetValueOrDefault(attackClass) + 1;
    }
}
