using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Config.Model;

namespace AutoShield.Kubernetes.Config.Credentials;

/// <summary>
/// Runs a kubeconfig exec plugin (client.authentication.k8s.io ExecCredential protocol): the plugin gets
/// KUBERNETES_EXEC_INFO and prints an ExecCredential whose status holds a token or a client certificate and key.
/// The answer is cached until its expirationTimestamp (or until a 401 invalidates it).
/// </summary>
public sealed class ExecCredentialPlugin : ICredentialSource
{
    private static readonly TimeSpan PluginTimeout = TimeSpan.FromSeconds(60);
    private readonly ExecConfig _config;
    private readonly TimeProvider _time;
    private readonly JsonObject? _cluster;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private KubernetesCredentials? _cached;
    private DateTimeOffset? _expires;

    public ExecCredentialPlugin(ExecConfig config, TimeProvider? time = null, JsonObject? clusterInfo = null)
    {
        _config = config;
        _time = time ?? TimeProvider.System;
        _cluster = clusterInfo;
    }

    /// <summary>How many times the plugin has been run (tests check the cache with it).</summary>
    public int Runs { get; private set; }

    public async ValueTask<KubernetesCredentials> GetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is not null && (_expires is null || _time.GetUtcNow() < _expires))
            {
                return _cached;
            }

            (_cached, _expires) = await RunAsync(cancellationToken);
            return _cached;
        }
        finally
        {
            _gate.Release();
        }
    }

    public bool Invalidate()
    {
        _cached = null;
        return true;
    }

    private async Task<(KubernetesCredentials, DateTimeOffset?)> RunAsync(CancellationToken cancellationToken)
    {
        var apiVersion = _config.ApiVersion ?? "client.authentication.k8s.io/v1";
        var start = new ProcessStartInfo(_config.Command ?? throw new KubeConfigException("exec plugin has no command"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in _config.Args ?? [])
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var env in _config.Env ?? [])
        {
            if (env.Name is not null)
            {
                start.Environment[env.Name] = env.Value ?? "";
            }
        }

        var spec = new JsonObject { ["interactive"] = false };
        if (_config.ProvideClusterInfo && _cluster is not null)
        {
            spec["cluster"] = _cluster.DeepClone();
        }

        start.Environment["KUBERNETES_EXEC_INFO"] = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = "ExecCredential", ["spec"] = spec }.ToJsonString();
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new KubeConfigException($"exec plugin {_config.Command} did not start");
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new KubeConfigException($"exec plugin {_config.Command} could not be started: {error.Message}. {_config.InstallHint}".Trim(), error);
        }

        using (process)
        {
            process.StandardInput.Close();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(PluginTimeout);
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            Runs++;
            if (process.ExitCode != 0)
            {
                throw new KubeConfigException($"exec plugin {_config.Command} failed with exit code {process.ExitCode}: {(await errors).Trim()}");
            }

            return Parse(await output, apiVersion);
        }
    }

    private static (KubernetesCredentials, DateTimeOffset?) Parse(string output, string apiVersion)
    {
        JsonObject? credential;
        try
        {
            credential = JsonNode.Parse(output) as JsonObject;
        }
        catch (System.Text.Json.JsonException error)
        {
            throw new KubeConfigException($"exec plugin printed no ExecCredential JSON: {error.Message}", error);
        }

        if (credential?["kind"]?.GetValue<string>() != "ExecCredential" || credential["apiVersion"]?.GetValue<string>() != apiVersion)
        {
            throw new KubeConfigException($"exec plugin must print an ExecCredential of {apiVersion}");
        }

        var status = credential["status"] as JsonObject ?? throw new KubeConfigException("ExecCredential has no status");
        var token = status["token"]?.GetValue<string>();
        X509Certificate2? certificate = null;
        if (status["clientCertificateData"]?.GetValue<string>() is { } certPem && status["clientKeyData"]?.GetValue<string>() is { } keyPem)
        {
            certificate = CertificateLoading.FromPem(certPem, keyPem);
        }

        if (token is null && certificate is null)
        {
            throw new KubeConfigException("ExecCredential status has neither a token nor a client certificate and key");
        }

        DateTimeOffset? expires = status["expirationTimestamp"]?.GetValue<string>() is { } stamp
            ? DateTimeOffset.Parse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : null;
        return (new KubernetesCredentials(token, certificate), expires);
    }
}
