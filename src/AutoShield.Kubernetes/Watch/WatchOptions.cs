namespace AutoShield.Kubernetes.Watch;

/// <summary>Where a watch starts and what it sees: resourceVersion, selectors, bookmarks and the server-side timeout.</summary>
public sealed record WatchOptions
{
    /// <summary>Start after this version; null or "0" starts with a synthetic ADDED for every current object.</summary>
    public string? ResourceVersion { get; init; }

    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    public bool AllowBookmarks { get; init; } = true;

    /// <summary>The server closes the stream after this many seconds; null leaves it to the server.</summary>
    public int? TimeoutSeconds { get; init; }
}
