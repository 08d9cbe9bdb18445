namespace AutoShield.Kubernetes.Client.Errors;

/// <summary>415 Unsupported Media Type: for example a strategic merge patch on a custom resource.</summary>
public sealed class KubernetesUnsupportedMediaTypeException : KubernetesApiException
{
    public KubernetesUnsupportedMediaTypeException(ApiStatus status)
        : base(status)
    {
    }

    public KubernetesUnsupportedMediaTypeException()
    {
    }

    public KubernetesUnsupportedMediaTypeException(string message)
        : base(message)
    {
    }

    public KubernetesUnsupportedMediaTypeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
