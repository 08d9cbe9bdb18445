namespace AutoShield.Ingestion.Windows;

/// <summary>Bounds and horizon of a <see cref="FanInStore"/>.</summary>
public sealed record FanInStoreOptions
{
    /// <summary>How far back (event time) the per-destination view looks.</summary>
    public TimeSpan Horizon { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Most destination:port keys held at once; adding one more evicts the least recently updated.</summary>
    public int MaxDestinations { get; init; } = 100_000;

    /// <summary>Destinations preallocated up front; storage doubles from here up to <see cref="MaxDestinations"/>.</summary>
    public int InitialCapacity { get; init; } = 1024;
}
