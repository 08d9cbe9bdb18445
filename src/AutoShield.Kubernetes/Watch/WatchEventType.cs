namespace AutoShield.Kubernetes.Watch;

/// <summary>The type field of a watch event.</summary>
public enum WatchEventType
{
    Added,
    Modified,
    Deleted,

    /// <summary>Carries only a resourceVersion: the stream is up to date to there.</summary>
    Bookmark,

    /// <summary>Carries a Status (for example 410 Expired); the client turns it into an exception.</summary>
    Error,
}
