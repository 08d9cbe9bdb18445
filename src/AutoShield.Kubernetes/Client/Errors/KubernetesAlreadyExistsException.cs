namespace AutoShield.Kubernetes.Client.Errors;

/// <summary>409 AlreadyExists: a create found an object with that name.</summary>
public sealed class KubernetesAlreadyExistsException : KubernetesApiException
{
    public KubernetesAlreadyExistsException(ApiStatus status)
        : base(status)
    {
    }

    public KubernetesAlreadyExistsException()
    {
    }

    public KubernetesAlreadyExistsException(string message)
        : base(message)
    {
    }

    public KubernetesAlreadyExistsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
