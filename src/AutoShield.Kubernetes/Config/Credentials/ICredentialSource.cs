namespace AutoShield.Kubernetes.Config.Credentials;

/// <summary>Supplies credentials per request; a source whose credentials can change refreshes when invalidated (after a 401).</summary>
public interface ICredentialSource
{
    ValueTask<KubernetesCredentials> GetAsync(CancellationToken cancellationToken);

    /// <summary>Forgets cached credentials; returns whether fresh ones may differ (so a 401 is worth one retry).</summary>
    bool Invalidate();
}
