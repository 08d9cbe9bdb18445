namespace AutoShield.Kubernetes.Client.Errors;

/// <summary>403 Forbidden: RBAC does not allow this verb on this resource for the caller.</summary>
public sealed class KubernetesForbiddenException : KubernetesApiException
{
    public KubernetesForbiddenException(ApiStatus status)
        : base(status)
    {
    }

    public KubernetesForbiddenException()
    {
    }

    public KubernetesForbiddenException(string message)
        : base(message)
    {
    }

    public KubernetesForbiddenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
