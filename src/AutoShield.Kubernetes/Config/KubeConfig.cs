using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Config.Credentials;
using AutoShield.Kubernetes.Config.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace AutoShield.Kubernetes.Config;

/// <summary>
/// One or more kubeconfig files merged as kubectl merges KUBECONFIG: the first file to name a cluster, user or
/// context wins it, and the first file that sets current-context wins that. Relative file paths in a file are
/// resolved against that file's folder.
/// </summary>
public sealed class KubeConfig
{
    private readonly Dictionary<string, ClusterInfo> _clusters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UserInfo> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContextInfo> _contexts = new(StringComparer.Ordinal);

    public string? CurrentContext { get; private set; }

    public IReadOnlyDictionary<string, ClusterInfo> Clusters => _clusters;

    public IReadOnlyDictionary<string, UserInfo> Users => _users;

    public IReadOnlyDictionary<string, ContextInfo> Contexts => _contexts;

    public bool IsEmpty => _clusters.Count == 0 && _contexts.Count == 0 && _users.Count == 0;

    /// <summary>Reads and merges the files in order (earlier files win).</summary>
    public static KubeConfig Load(IEnumerable<string> paths)
    {
        var merged = new KubeConfig();
        foreach (var path in paths)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (IOException error)
            {
                throw new KubeConfigException($"cannot read kubeconfig {path}: {error.Message}", error);
            }

            merged.Add(Parse(text, Path.GetDirectoryName(Path.GetFullPath(path)), path));
        }

        return merged;
    }

    /// <summary>Parses one kubeconfig document's text.</summary>
    public static KubeConfigDocument Parse(string yaml, string? directory = null, string source = "kubeconfig")
    {
        var deserializer = new DeserializerBuilder().IgnoreUnmatchedProperties().Build();
        try
        {
            var document = deserializer.Deserialize<KubeConfigDocument?>(yaml) ?? new KubeConfigDocument();
            document.Directory = directory;
            return document;
        }
        catch (YamlException error)
        {
            throw new KubeConfigException($"{source} is not a valid kubeconfig: {error.Message}", error);
        }
    }

    /// <summary>Merges another document in; what this config already has is kept.</summary>
    public void Add(KubeConfigDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        CurrentContext ??= string.IsNullOrEmpty(document.CurrentContext) ? null : document.CurrentContext;
        foreach (var entry in document.Clusters ?? [])
        {
            if (entry.Name is not null && entry.Cluster is not null)
            {
                entry.Cluster.CertificateAuthority = Resolve(entry.Cluster.CertificateAuthority, document.Directory);
                _clusters.TryAdd(entry.Name, entry.Cluster);
            }
        }

        foreach (var entry in document.Users ?? [])
        {
            if (entry.Name is not null && entry.User is not null)
            {
                entry.User.ClientCertificate = Resolve(entry.User.ClientCertificate, document.Directory);
                entry.User.ClientKey = Resolve(entry.User.ClientKey, document.Directory);
                entry.User.TokenFile = Resolve(entry.User.TokenFile, document.Directory);
                if (entry.User.Exec?.Command is { } command && command.Contains('/', StringComparison.Ordinal))
                {
                    entry.User.Exec.Command = Resolve(command, document.Directory);
                }

                _users.TryAdd(entry.Name, entry.User);
            }
        }

        foreach (var entry in document.Contexts ?? [])
        {
            if (entry.Name is not null && entry.Context is not null)
            {
                _contexts.TryAdd(entry.Name, entry.Context);
            }
        }
    }

    /// <summary>The connection for a context (the current one when null), with its certificates loaded.</summary>
    public KubernetesConnection ToConnection(string? contextName = null, TimeProvider? time = null)
    {
        var name = contextName ?? CurrentContext ?? throw new KubeConfigException("no context given and the kubeconfig has no current-context");
        var context = _contexts.GetValueOrDefault(name) ?? throw new KubeConfigException($"context \"{name}\" not found in the kubeconfig");
        var cluster = (context.Cluster is null ? null : _clusters.GetValueOrDefault(context.Cluster))
            ?? throw new KubeConfigException($"cluster \"{context.Cluster}\" of context \"{name}\" not found");
        if (!Uri.TryCreate(cluster.Server, UriKind.Absolute, out var server))
        {
            throw new KubeConfigException($"cluster \"{context.Cluster}\" has no valid server address");
        }

        var user = context.User is null ? null : _users.GetValueOrDefault(context.User);
        return new KubernetesConnection(server)
        {
            CertificateAuthorities = Authorities(cluster),
            InsecureSkipTlsVerify = cluster.InsecureSkipTlsVerify,
            TlsServerName = cluster.TlsServerName,
            Credentials = user is null ? null : Credentials(user, cluster, server, time),
            Namespace = string.IsNullOrEmpty(context.Namespace) ? "default" : context.Namespace,
            ContextName = name,
        };
    }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2Collection? Authorities(ClusterInfo cluster)
    {
        if (cluster.CertificateAuthorityData is { Length: > 0 } data)
        {
            return CertificateLoading.Authorities(CertificateLoading.DecodeData(data, "certificate-authority-data"));
        }

        return cluster.CertificateAuthority is { Length: > 0 } path ? CertificateLoading.Authorities(ReadFile(path)) : null;
    }

    private static ICredentialSource? Credentials(UserInfo user, ClusterInfo cluster, Uri server, TimeProvider? time)
    {
        if (user.Exec is not null)
        {
            var clusterInfo = new JsonObject
            {
                ["server"] = server.ToString(),
                ["insecure-skip-tls-verify"] = cluster.InsecureSkipTlsVerify,
            };
            if (cluster.CertificateAuthorityData is { Length: > 0 } ca)
            {
                clusterInfo["certificate-authority-data"] = ca;
            }

            return new ExecCredentialPlugin(user.Exec, time, clusterInfo);
        }

        var certPem = user.ClientCertificateData is { Length: > 0 } certData ? CertificateLoading.DecodeData(certData, "client-certificate-data")
            : user.ClientCertificate is { Length: > 0 } certPath ? ReadFile(certPath) : null;
        var keyPem = user.ClientKeyData is { Length: > 0 } keyData ? CertificateLoading.DecodeData(keyData, "client-key-data")
            : user.ClientKey is { Length: > 0 } keyPath ? ReadFile(keyPath) : null;
        if ((certPem is null) != (keyPem is null))
        {
            throw new KubeConfigException("a client certificate needs both the certificate and its key");
        }

        var certificate = certPem is null ? null : CertificateLoading.FromPem(certPem, keyPem!);
        if (user.TokenFile is { Length: > 0 } tokenFile && user.Token is not { Length: > 0 })
        {
            return certificate is null ? new TokenFileCredentials(tokenFile, time) : throw new KubeConfigException("tokenFile together with a client certificate is not supported");
        }

        return user.Token is { Length: > 0 } || certificate is not null ? new StaticCredentials(new KubernetesCredentials(user.Token is { Length: > 0 } ? user.Token : null, certificate)) : null;
    }

    private static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException error)
        {
            throw new KubeConfigException($"cannot read {path}: {error.Message}", error);
        }
        catch (UnauthorizedAccessException error)
        {
            throw new KubeConfigException($"cannot read {path}: {error.Message}", error);
        }
    }

    private static string? Resolve(string? path, string? directory) =>
        string.IsNullOrEmpty(path) || directory is null || Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(directory, path));
}
