namespace AutoShield.Detection.Evaluation;

/// <summary>One point of a ROC (x = FPR, y = TPR) or PR (x = recall, y = precision) curve at an attack-score threshold.</summary>
public readonly record struct CurvePoint(double X, double Y, double Threshold);
