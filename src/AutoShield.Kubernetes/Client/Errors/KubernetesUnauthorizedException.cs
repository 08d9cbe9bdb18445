namespace AutoShield.Kubernetes.Client.Errors;

/// <summary>401 Unauthorized: the credentials were missing, wrong or expired.</summary>
public sealed class KubernetesUnauthorizedException : KubernetesApiException
{
    public KubernetesUnauthorizedException(ApiStatus status)
        : base(status)
    {
    }

    public KubernetesUnauthorizedException()
    {
    }

    public KubernetesUnauthorizedException(string message)
        : base(message)
    {
    }

    public KubernetesUnauthorizedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
