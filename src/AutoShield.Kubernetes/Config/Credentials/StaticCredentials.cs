namespace AutoShield.Kubernetes.Config.Credentials;

/// <summary>A fixed token and/or client certificate from a kubeconfig.</summary>
public sealed class StaticCredentials : ICredentialSource
{
    private readonly KubernetesCredentials _credentials;

    public StaticCredentials(KubernetesCredentials credentials)
    {
        _credentials = credentials;
    }

    public ValueTask<KubernetesCredentials> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_credentials);

    public bool Invalidate() => false;
}
