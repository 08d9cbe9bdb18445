namespace AutoShield.Kubernetes.Client.Errors;

/// <summary>422 Invalid: the object fails validation; <see cref="Causes"/> lists the fields and why.</summary>
public sealed class KubernetesInvalidException : KubernetesApiException
{
    public KubernetesInvalidException(ApiStatus status)
        : base(status)
    {
    }

    public KubernetesInvalidException()
    {
    }

    public KubernetesInvalidException(string message)
        : base(message)
    {
    }

    public KubernetesInvalidException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IReadOnlyList<StatusCause> Causes => Status.Causes;
}
