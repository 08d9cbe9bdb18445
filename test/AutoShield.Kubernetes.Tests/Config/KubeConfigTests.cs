using System.Text;
using AutoShield.Kubernetes.Client;
using AutoShield.Kubernetes.Config;
using AutoShield.Testing;

namespace AutoShield.Kubernetes.Tests.Config;

public sealed class KubeConfigTests
{
    [Fact]
    public void Locate_KubeconfigVariableWithTwoFiles_MergesFirstWins()
    {
        var dir = Directory.CreateTempSubdirectory("kc").FullName;
        var first = Write(dir, "a.yaml", """
            apiVersion: v1
            kind: Config
            current-context: alpha
            clusters:
            - name: shared
              cluster: {server: "https://alpha.example:6443", insecure-skip-tls-verify: true}
            contexts:
            - name: alpha
              context: {cluster: shared, user: u1, namespace: shop}
            users:
            - name: u1
              user: {token: tok-1}
            """);
        var second = Write(dir, "b.yaml", """
            current-context: beta
            clusters:
            - name: shared
              cluster: {server: "https://ignored.example"}
            - name: other
              cluster: {server: "https://beta.example"}
            contexts:
            - name: beta
              context: {cluster: other, user: u2}
            users:
            - name: u2
              user: {token: tok-2}
            """);
        var env = Env(("KUBECONFIG", $"{first}:{Path.Combine(dir, "missing.yaml")}:{second}"));

        var current = ClusterLocator.Locate(new ClusterLocatorOptions { Environment = env });
        var beta = ClusterLocator.Locate(new ClusterLocatorOptions { Environment = env, Context = "beta" });

        Assert.Equal(("https://alpha.example:6443/", "shop", "alpha"), (current.Server.ToString(), current.Namespace, current.ContextName));
        Assert.True(current.InsecureSkipTlsVerify);
        Assert.Equal(("https://beta.example/", "default"), (beta.Server.ToString(), beta.Namespace));
        Assert.Equal("tok-2", Token(beta));
    }

    [Fact]
    public void Locate_ExplicitPath_WinsOverVariableAndHome()
    {
        var dir = Directory.CreateTempSubdirectory("kc").FullName;
        var explicitFile = Write(dir, "explicit.yaml", Minimal("https://explicit.example"));
        var fromEnv = Write(dir, "env.yaml", Minimal("https://env.example"));
        Directory.CreateDirectory(Path.Combine(dir, ".kube"));
        Write(Path.Combine(dir, ".kube"), "config", Minimal("https://home.example"));

        var byFlag = ClusterLocator.Locate(new ClusterLocatorOptions { KubeconfigPath = explicitFile, Environment = Env(("KUBECONFIG", fromEnv)), HomeDirectory = dir });
        var byEnv = ClusterLocator.Locate(new ClusterLocatorOptions { Environment = Env(("KUBECONFIG", fromEnv)), HomeDirectory = dir });
        var byHome = ClusterLocator.Locate(new ClusterLocatorOptions { Environment = Env(), HomeDirectory = dir });

        Assert.Equal("explicit.example", byFlag.Server.Host);
        Assert.Equal("env.example", byEnv.Server.Host);
        Assert.Equal("home.example", byHome.Server.Host);
    }

    [Fact]
    public void Locate_NothingConfigured_ThrowsWithGuidance()
    {
        var dir = Directory.CreateTempSubdirectory("kc").FullName;

        var error = Assert.Throws<KubeConfigException>(() => ClusterLocator.Locate(new ClusterLocatorOptions
        {
            Environment = Env(),
            HomeDirectory = dir,
            ServiceAccountDirectory = Path.Combine(dir, "no-sa"),
        }));

        Assert.Contains("KUBECONFIG", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToConnection_UnknownContext_Throws()
    {
        var dir = Directory.CreateTempSubdirectory("kc").FullName;
        var file = Write(dir, "c.yaml", Minimal("https://x.example"));

        Assert.Throws<KubeConfigException>(() => ClusterLocator.Locate(new ClusterLocatorOptions { KubeconfigPath = file, Context = "nope", Environment = Env() }));
    }

    [Fact]
    public async Task Locate_InlineCertificateData_ConnectsWithClientCertificate()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Access.RequireAuthentication = true;
        var issued = cluster.Server.CertificateAuthority.IssueClientCertificate("inline-user", "system:masters");
        var dir = Directory.CreateTempSubdirectory("kc").FullName;
        var file = Write(dir, "inline.yaml", $$"""
            current-context: fake
            clusters:
            - name: fake
              cluster:
                server: {{cluster.Server.HttpsUri}}
                certificate-authority-data: {{B64(cluster.Server.CertificateAuthority.CertificatePem)}}
            contexts:
            - name: fake
              context: {cluster: fake, user: me}
            users:
            - name: me
              user:
                client-certificate-data: {{B64(issued.CertificatePem)}}
                client-key-data: {{B64(issued.PrivateKeyPem)}}
            """);
        using var client = new KubernetesClient(ClusterLocator.Locate(new ClusterLocatorOptions { KubeconfigPath = file, Environment = Env() }));

        await client.ListAsync(ResourceTypes.Pods);

        Assert.Equal("inline-user", cluster.Server.Requests[^1].User);
    }

    [Fact]
    public async Task Locate_CertificateFilesWithRelativePaths_ResolvedAgainstKubeconfigFolder()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Access.RequireAuthentication = true;
        var issued = cluster.Server.CertificateAuthority.IssueClientCertificate("file-user");
        var dir = Directory.CreateTempSubdirectory("kc").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "pki"));
        Write(Path.Combine(dir, "pki"), "ca.crt", cluster.Server.CertificateAuthority.CertificatePem);
        Write(Path.Combine(dir, "pki"), "me.crt", issued.CertificatePem);
        Write(Path.Combine(dir, "pki"), "me.key", issued.PrivateKeyPem);
        var file = Write(dir, "files.yaml", $$"""
            current-context: fake
            clusters:
            - name: fake
              cluster: {server: "{{cluster.Server.HttpsUri}}", certificate-authority: pki/ca.crt}
            contexts:
            - name: fake
              context: {cluster: fake, user: me}
            users:
            - name: me
              user: {client-certificate: pki/me.crt, client-key: pki/me.key}
            """);
        using var client = new KubernetesClient(ClusterLocator.Locate(new ClusterLocatorOptions { KubeconfigPath = file, Environment = Env() }));

        await client.ListAsync(ResourceTypes.Pods);

        Assert.Equal("file-user", cluster.Server.Requests[^1].User);
    }

    [Fact]
    public async Task Locate_ExecPlugin_RunsScriptOnceWhileTokenIsValid()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Access.RequireAuthentication = true;
        cluster.Server.Access.AddToken("exec-token", "exec-user");
        var dir = Directory.CreateTempSubdirectory("kc").FullName;
        var script = Write(dir, "plugin.sh", """
            #!/bin/sh
            echo run >> "$RUNS_FILE"
            case "$KUBERNETES_EXEC_INFO" in *'"interactive":false'*) ;; *) exit 3 ;; esac
            printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s","expirationTimestamp":"2026-01-01T01:00:00Z"}}' "$1"
            """);
        var runs = Path.Combine(dir, "runs.txt");
        var file = Write(dir, "exec.yaml", $$"""
            current-context: fake
            clusters:
            - name: fake
              cluster: {server: "{{cluster.Server.HttpsUri}}", certificate-authority-data: {{B64(cluster.Server.CertificateAuthority.CertificatePem)}}}
            contexts:
            - name: fake
              context: {cluster: fake, user: plugin}
            users:
            - name: plugin
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: /bin/sh
                  args: ["{{script}}", "exec-token"]
                  env:
                  - {name: RUNS_FILE, value: "{{runs}}"}
            """);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var client = new KubernetesClient(ClusterLocator.Locate(new ClusterLocatorOptions { KubeconfigPath = file, Environment = Env(), TimeProvider = clock }));

        await client.ListAsync(ResourceTypes.Pods);
        await client.ListAsync(ResourceTypes.Pods);
        clock.Advance(TimeSpan.FromHours(2));
        await client.ListAsync(ResourceTypes.Pods);

        Assert.Equal("exec-user", cluster.Server.Requests[^1].User);
        Assert.Equal(2, File.ReadAllLines(runs).Length);
    }

    [Fact]
    public async Task Locate_ExecPluginFailing_ThrowsKubeConfigException()
    {
        var dir = Directory.CreateTempSubdirectory("kc").FullName;
        var file = Write(dir, "exec.yaml", """
            current-context: c
            clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
            contexts: [{name: c, context: {cluster: c, user: u}}]
            users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: /bin/sh, args: ["-c", "echo nope >&2; exit 2"]}}}]
            """);
        var connection = ClusterLocator.Locate(new ClusterLocatorOptions { KubeconfigPath = file, Environment = Env() });

        var error = await Assert.ThrowsAsync<KubeConfigException>(async () => await connection.Credentials!.GetAsync(CancellationToken.None));

        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Locate_InClusterServiceAccount_UsedWhenNoKubeconfig()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Access.RequireAuthentication = true;
        cluster.Server.Access.AddToken("sa-token", "system:serviceaccount:autoshield-system:autoshield");
        var dir = Directory.CreateTempSubdirectory("sa").FullName;
        Write(dir, "token", "sa-token\n");
        Write(dir, "ca.crt", cluster.Server.CertificateAuthority.CertificatePem);
        Write(dir, "namespace", "autoshield-system");
        var env = Env(("KUBERNETES_SERVICE_HOST", "127.0.0.1"), ("KUBERNETES_SERVICE_PORT", cluster.Server.HttpsUri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var connection = ClusterLocator.Locate(new ClusterLocatorOptions { Environment = env, HomeDirectory = dir, ServiceAccountDirectory = dir });
        using var client = new KubernetesClient(connection);
        await client.ListAsync(ResourceTypes.Pods, client.DefaultNamespace);

        Assert.Equal(("in-cluster", "autoshield-system"), (connection.ContextName, connection.Namespace));
        Assert.Equal("system:serviceaccount:autoshield-system:autoshield", cluster.Server.Requests[^1].User);
        Assert.Equal("autoshield-system", cluster.Server.Requests[^1].Namespace);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FakeServerWriteKubeconfig_TokenOrCertificate_LocatedAndAuthenticated(bool useToken)
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Access.RequireAuthentication = true;
        cluster.Server.Access.AddToken("cli-token", "cli-user");
        var certificate = useToken ? null : cluster.Server.CertificateAuthority.IssueClientCertificate("cli-user");
        var path = cluster.Server.WriteKubeconfig(Path.Combine(Directory.CreateTempSubdirectory("kc").FullName, "config"), useToken ? "cli-token" : null, certificate, ns: "shop");
        cluster.Server.Seed(Some.ConfigMap("c", "shop"));

        using var client = new KubernetesClient(ClusterLocator.Locate(new ClusterLocatorOptions { KubeconfigPath = path, Environment = Env() }));
        var list = await client.ListAsync(ResourceTypes.ConfigMaps, client.DefaultNamespace);

        Assert.Equal("shop", client.DefaultNamespace);
        Assert.Single(list.Items);
        Assert.Equal("cli-user", cluster.Server.Requests[^1].User);
    }

    [Fact]
    public void Parse_NotYaml_ThrowsKubeConfigException()
    {
        Assert.Throws<KubeConfigException>(() => KubeConfig.Parse("clusters: [unclosed"));
    }

    private static string Minimal(string server) => $$$"""
        current-context: c
        clusters:
        - name: c
          cluster:
            server: "{{{server}}}"
        contexts: [{name: c, context: {cluster: c, user: u}}]
        users: [{name: u, user: {token: t}}]
        """;

    private static string Token(KubernetesConnection connection) =>
        connection.Credentials!.GetAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult().Token!;

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string Write(string dir, string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static Func<string, string?> Env(params (string Key, string Value)[] values)
    {
        var map = values.ToDictionary(v => v.Key, v => v.Value);
        return key => map.GetValueOrDefault(key);
    }
}
