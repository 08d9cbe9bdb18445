using AutoShield.Policy.Decisions;
using AutoShield.Policy.Safety;

namespace AutoShield.Policy.Backtest;

/// <summary>Settings of a backtest: the safety limits and decision settings to try (dry-run is forced on).</summary>
public sealed record BacktestOptions
{
    public SafetyOptions Safety { get; init; } = new();

    public DecisionOptions Decisions { get; init; } = new();

    /// <summary>Pod counts for blast-radius limits; when null, one is built from the detections' endpoints.</summary>
    public IClusterInventory? Inventory { get; init; }
}
