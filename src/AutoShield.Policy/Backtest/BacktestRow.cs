namespace AutoShield.Policy.Backtest;

/// <summary>One action a policy would have fired during the replay, and what the safety controller made of it.</summary>
public sealed record BacktestRow(
    DateTimeOffset Time,
    string Rule,
    string AttackClass,
    string DetectionId,
    string ActionType,
    string Target,
    string Mode,
    int Level,
    string Result,
    string? Reason,
    string Message);
