namespace AutoShield.Kubernetes.Client.Errors;

/// <summary>429 TooManyRequests: the server throttled the request, even after the client's retries.</summary>
public sealed class KubernetesTooManyRequestsException : KubernetesApiException
{
    public KubernetesTooManyRequestsException(ApiStatus status)
        : base(status)
    {
    }

    public KubernetesTooManyRequestsException()
    {
    }

    public KubernetesTooManyRequestsException(string message)
        : base(message)
    {
    }

    public KubernetesTooManyRequestsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
