namespace AutoShield.Kubernetes.Watch;

/// <summary>What an <see cref="Informer"/> watches and how it backs off after failures.</summary>
public sealed record InformerOptions
{
    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Page size of the list that (re)fills the cache.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>Asks the server to end each watch after this long, so watches are renewed now and then.</summary>
    public int? WatchTimeoutSeconds { get; init; } = 300;

    /// <summary>Wait after the second and later consecutive failures (the first reconnect is immediate); doubles up to 30 s.</summary>
    public TimeSpan FailureBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Told of every failure the informer recovers from (dropped connection, 410, server error).</summary>
    public Action<Exception>? OnError { get; init; }
}
