namespace AutoShield.Kubernetes.Client.Errors;

/// <summary>409 Conflict: the object changed since the resourceVersion the write was based on, or a precondition failed.</summary>
public sealed class KubernetesConflictException : KubernetesApiException
{
    public KubernetesConflictException(ApiStatus status)
        : base(status)
    {
    }

    public KubernetesConflictException()
    {
    }

    public KubernetesConflictException(string message)
        : base(message)
    {
    }

    public KubernetesConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
