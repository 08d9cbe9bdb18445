namespace AutoShield.Kubernetes.Client.Errors;

/// <summary>410 Gone (Expired): the resourceVersion or continue token is older than the server keeps; list again.</summary>
public sealed class KubernetesGoneException : KubernetesApiException
{
    public KubernetesGoneException(ApiStatus status)
        : base(status)
    {
    }

    public KubernetesGoneException()
    {
    }

    public KubernetesGoneException(string message)
        : base(message)
    {
    }

    public KubernetesGoneException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
