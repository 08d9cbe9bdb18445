namespace AutoShield.Ingestion.Windows;

/// <summary>Bounds and constants of a <see cref="WindowStore"/>.</summary>
public sealed record WindowStoreOptions
{
    /// <summary>Most pairs held at once; adding one more evicts the least recently updated pair.</summary>
    public int MaxPairs { get; init; } = 100_000;

    /// <summary>Pairs with no connection for this long (event time) are dropped by <see cref="WindowStore.ExpireIdle"/>.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Time constant τ of the decayed connection rate (feature 1).</summary>
    public TimeSpan RateTimeConstant { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Pairs preallocated up front; storage doubles from here up to <see cref="MaxPairs"/>.</summary>
    public int InitialCapacity { get; init; } = 1024;
}
