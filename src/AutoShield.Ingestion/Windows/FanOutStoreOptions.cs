namespace AutoShield.Ingestion.Windows;

/// <summary>Bounds and horizon of a <see cref="FanOutStore"/>.</summary>
public sealed record FanOutStoreOptions
{
    /// <summary>How far back (event time) the per-source view looks.</summary>
    public TimeSpan Horizon { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Most sources held at once; adding one more evicts the least recently updated source.</summary>
    public int MaxSources { get; init; } = 100_000;

    /// <summary>Sources preallocated up front; storage doubles from here up to <see cref="MaxSources"/>.</summary>
    public int InitialCapacity { get; init; } = 1024;
}
