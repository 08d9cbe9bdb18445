namespace AutoShield.Detection.Evaluation;

/// <summary>
/// Scores of one class: precision, recall and F1 of the class itself, its support (windows whose truth it is), and
/// for attack classes the detection rate (share of its windows flagged as any attack, <c>ANOMALY</c> included).
/// </summary>
public sealed record ClassMetrics(double Precision, double Recall, double F1, int Support, int Predicted, double? DetectionRate);
