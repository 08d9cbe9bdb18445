namespace AutoShield.Detection.Evaluation;

/// <summary>
/// A detector's verdicts on evaluation windows, aligned with the window indices it was given: the predicted class
/// (<c>ANOMALY</c> included), the attack score (higher = more likely an attack; see <see cref="ModelScorer"/>) and,
/// for our models, the time each window took.
/// </summary>
public sealed record ScoredWindows(string[] Predicted, float[] AttackScores, double[]? LatencyMicros = null);
