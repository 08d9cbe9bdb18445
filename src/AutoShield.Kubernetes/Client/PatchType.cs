namespace AutoShield.Kubernetes.Client;

/// <summary>The three patch formats of the Kubernetes API.</summary>
public enum PatchType
{
    /// <summary>RFC 7386 JSON merge patch: <c>application/merge-patch+json</c>.</summary>
    Merge,

    /// <summary>Strategic merge patch (built-in kinds only): <c>application/strategic-merge-patch+json</c>.</summary>
    StrategicMerge,

    /// <summary>RFC 6902 JSON patch: <c>application/json-patch+json</c>.</summary>
    Json,
}
