namespace AutoShield.Kubernetes.Client;

/// <summary>Retry, timing and identity settings of a <see cref="KubernetesClient"/>; the clock and randomness are injected.</summary>
public sealed record KubernetesClientOptions
{
    /// <summary>Retries after the first attempt for 429, 5xx and connection failures.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>First backoff delay; doubles per retry, with jitter, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest a non-watch request may take, per attempt.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Jitter source; seeded by default so runs reproduce.</summary>
    public Random Random { get; init; } = new(17);

    public string UserAgent { get; init; } = "autoshield/1.0";

    /// <summary>Called before each retry's wait (for logs, metrics and tests).</summary>
    public Action<RetryAttempt>? OnRetry { get; init; }
}
