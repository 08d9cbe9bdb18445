namespace AutoShield.Kubernetes.Client.Errors;

/// <summary>404 NotFound: the object (or the resource or namespace) does not exist.</summary>
public sealed class KubernetesNotFoundException : KubernetesApiException
{
    public KubernetesNotFoundException(ApiStatus status)
        : base(status)
    {
    }

    public KubernetesNotFoundException()
    {
    }

    public KubernetesNotFoundException(string message)
        : base(message)
    {
    }

    public KubernetesNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
