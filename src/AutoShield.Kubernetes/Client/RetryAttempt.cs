namespace AutoShield.Kubernetes.Client;

/// <summary>A retry about to happen: which attempt failed, why (status code or exception), and how long the client waits.</summary>
public sealed record RetryAttempt(string Method, string Path, int AttemptNumber, int? StatusCode, Exception? Error, TimeSpan Delay);
