namespace AutoShield.Kubernetes.Config.Credentials;

/// <summary>
/// A token read from a file (kubeconfig tokenFile, or the projected service-account token) and read again after
/// a minute or a 401, because the kubelet rotates projected tokens in place.
/// </summary>
public sealed class TokenFileCredentials : ICredentialSource
{
    private static readonly TimeSpan RereadAfter = TimeSpan.FromMinutes(1);
    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private string? _token;
    private DateTimeOffset _readAt;

    public TokenFileCredentials(string path, TimeProvider? time = null)
    {
        _path = path;
        _time = time ?? TimeProvider.System;
    }

    public async ValueTask<KubernetesCredentials> GetAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_token is not null && now - _readAt < RereadAfter)
            {
                return new KubernetesCredentials(_token);
            }
        }

        var token = (await File.ReadAllTextAsync(_path, cancellationToken)).Trim();
        lock (_gate)
        {
            _token = token;
            _readAt = now;
        }

        return new KubernetesCredentials(token);
    }

    public bool Invalidate()
    {
        lock (_gate)
        {
            _token = null;
        }

        return true;
    }
}
