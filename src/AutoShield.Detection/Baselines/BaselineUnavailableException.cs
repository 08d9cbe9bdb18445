namespace AutoShield.Detection.Baselines;

/// <summary>The baseline cannot run here (no python3, no scikit-learn) or its script failed; the message says what to install or what went wrong.</summary>
public sealed class BaselineUnavailableException(string message) : Exception(message);
