namespace AutoShield.Kubernetes.Client.Errors;

/// <summary>5xx: the server failed (even after the client's retries).</summary>
public sealed class KubernetesServerErrorException : KubernetesApiException
{
    public KubernetesServerErrorException(ApiStatus status)
        : base(status)
    {
    }

    public KubernetesServerErrorException()
    {
    }

    public KubernetesServerErrorException(string message)
        : base(message)
    {
    }

    public KubernetesServerErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
