namespace AutoShield.Kubernetes.Client.Errors;

/// <summary>400 Bad Request: the request or one of its parameters is malformed.</summary>
public sealed class KubernetesBadRequestException : KubernetesApiException
{
    public KubernetesBadRequestException(ApiStatus status)
        : base(status)
    {
    }

    public KubernetesBadRequestException()
    {
    }

    public KubernetesBadRequestException(string message)
        : base(message)
    {
    }

    public KubernetesBadRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
