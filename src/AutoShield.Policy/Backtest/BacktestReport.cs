namespace AutoShield.Policy.Backtest;

/// <summary>The result of replaying detections against a policy: every would-fire action in time order, and the totals.</summary>
public sealed record BacktestReport(string PolicyVersion, DateTimeOffset? From, DateTimeOffset? To, IReadOnlyList<BacktestRow> Actions, BacktestSummary Summary);
