namespace AutoShield.Kubernetes.Config;

/// <summary>A kubeconfig that cannot be used (unreadable, missing context or cluster, bad certificate), or no cluster found at all.</summary>
public sealed class KubeConfigException : Exception
{
    public KubeConfigException()
    {
    }

    public KubeConfigException(string message)
        : base(message)
    {
    }

    public KubeConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
