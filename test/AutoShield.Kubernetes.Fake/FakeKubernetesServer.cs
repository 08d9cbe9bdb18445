using System.Net;
using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Fake.Api;
using AutoShield.Kubernetes.Fake.Auth;
using AutoShield.Kubernetes.Fake.Faults;
using AutoShield.Kubernetes.Fake.Resources;
using AutoShield.Kubernetes.Fake.Store;
using AutoShield.Kubernetes.Fake.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AutoShield.Kubernetes.Fake;

/// <summary>
/// An in-process Kubernetes API server on 127.0.0.1 (HTTP and HTTPS on free ports) with the semantics clients rely
/// on: resourceVersions and 409 conflicts, 404, 422 with causes, 401/403 from tokens, client certificates and RBAC
/// rules, dry run, three patch types, list selectors and paging, watches with bookmarks and 410 Gone, and injected
/// faults. Start one per test with <see cref="StartAsync"/>; seed objects with <see cref="Seed(string)"/>.
/// </summary>
public sealed class FakeKubernetesServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _logGate = new();
    private readonly List<FakeRequest> _requests = [];
    private readonly CancellationTokenSource _stopping = new();

    private FakeKubernetesServer(FakeServerOptions options, WebApplication app, FakeCertificateAuthority authority)
    {
        Options = options;
        _app = app;
        CertificateAuthority = authority;
        Store = new ObjectStore(options.TimeProvider, new Random(options.Seed), options.HistoryLimit);
        foreach (var ns in options.InitialNamespaces)
        {
            Seed(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = ns }, ["status"] = new JsonObject { ["phase"] = "Active" } });
        }
    }

    public FakeServerOptions Options { get; }

    /// <summary>Plain HTTP endpoint (no TLS).</summary>
    public Uri HttpUri { get; private set; } = null!;

    /// <summary>HTTPS endpoint, with a certificate from <see cref="CertificateAuthority"/>.</summary>
    public Uri HttpsUri { get; private set; } = null!;

    /// <summary>The cluster CA: trust it to reach <see cref="HttpsUri"/>; it also issues client certificates.</summary>
    public FakeCertificateAuthority CertificateAuthority { get; }

    public FakeResourceRegistry Resources { get; } = FakeResourceRegistry.WithBuiltIns();

    public ObjectStore Store { get; }

    public FakeAccessControl Access { get; } = new();

    public FakeFaults Faults { get; } = new();

    /// <summary>Every resource request so far, in arrival order, with the status it got.</summary>
    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (_logGate)
            {
                return [.. _requests];
            }
        }
    }

    internal CancellationToken Stopping => _stopping.Token;

    public static async Task<FakeKubernetesServer> StartAsync(FakeServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeServerOptions();
        var authority = new FakeCertificateAuthority();
        var serverCertificate = authority.IssueServerCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificate = serverCertificate,
                ClientCertificateMode = ClientCertificateMode.AllowCertificate,
                ClientCertificateValidation = (certificate, _, _) => authority.Verify(certificate),
            }));
        });
        var app = builder.Build();
        var server = new FakeKubernetesServer(options, app, authority);
        var handler = new ApiHandler(server);
        app.Run(handler.HandleAsync);
        await app.StartAsync(cancellationToken);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        server.HttpUri = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)));
        server.HttpsUri = new Uri(addresses.First(a => a.StartsWith("https://", StringComparison.Ordinal)));
        return server;
    }

    /// <summary>Stores an object as a controller or kubectl would have, bypassing RBAC and faults; missing namespaces are made.</summary>
    public JsonObject Seed(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var kind = KindOf(obj["apiVersion"]?.GetValue<string>() ?? "", obj["kind"]?.GetValue<string>() ?? "");
        var ns = kind.Namespaced ? obj["metadata"]?["namespace"]?.GetValue<string>() ?? "default" : null;
        try
        {
            return Store.Create(kind, ns, obj, new StoreWriteOptions(Seeding: true));
        }
        catch (ApiError error)
        {
            throw new InvalidOperationException($"seeding failed: {error.Message}", error);
        }
    }

    /// <summary>Stores an object given as JSON text.</summary>
    public JsonObject Seed(string json) => Seed(JsonNode.Parse(json) as JsonObject ?? throw new ArgumentException("expected a JSON object", nameof(json)));

    /// <summary>The stored object, or null: what a test asserts against after the client acted.</summary>
    public JsonObject? Get(string apiVersion, string kind, string? ns, string name) => Store.Get(KindOf(apiVersion, kind), ns, name);

    /// <summary>Replaces a stored object's status (as a kubelet or controller would), bumping its resourceVersion.</summary>
    public JsonObject SetStatus(string apiVersion, string kind, string? ns, string name, JsonObject status)
    {
        var resource = KindOf(apiVersion, kind);
        return Store.Patch(resource, ns, name, current =>
        {
            current["status"] = status.DeepClone();
            return current;
        }, StoreWriteOptions.Default, statusOnly: true);
    }

    public FakeResourceKind KindOf(string apiVersion, string kind) =>
        Resources.FindByKind(apiVersion, kind) ?? throw new ArgumentException($"no resource registered for {apiVersion} {kind}");

    /// <summary>
    /// A kubeconfig (context "fake", current) for the HTTPS endpoint with the CA inline, authenticating with a token
    /// or an issued client certificate: what a CLI test passes as --kubeconfig.
    /// </summary>
    public string KubeconfigYaml(string? token = null, FakeCertificate? clientCertificate = null, string ns = "default")
    {
        static string B64(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));
        var user = new System.Text.StringBuilder();
        if (token is not null)
        {
            user.Append(System.Globalization.CultureInfo.InvariantCulture, $"    token: {token}\n");
        }

        if (clientCertificate is not null)
        {
            user.Append(System.Globalization.CultureInfo.InvariantCulture, $"    client-certificate-data: {B64(clientCertificate.CertificatePem)}\n");
            user.Append(System.Globalization.CultureInfo.InvariantCulture, $"    client-key-data: {B64(clientCertificate.PrivateKeyPem)}\n");
        }

        return "apiVersion: v1\nkind: Config\ncurrent-context: fake\n"
            + $"clusters:\n- name: fake\n  cluster:\n    server: {HttpsUri}\n    certificate-authority-data: {B64(CertificateAuthority.CertificatePem)}\n"
            + $"contexts:\n- name: fake\n  context:\n    cluster: fake\n    user: fake\n    namespace: {ns}\n"
            + "users:\n- name: fake\n  user:" + (user.Length == 0 ? " {}\n" : "\n" + user);
    }

    /// <summary>Writes <see cref="KubeconfigYaml"/> to <paramref name="path"/> and returns the path.</summary>
    public string WriteKubeconfig(string path, string? token = null, FakeCertificate? clientCertificate = null, string ns = "default")
    {
        File.WriteAllText(path, KubeconfigYaml(token, clientCertificate, ns));
        return path;
    }

    /// <summary>Deletes a stored object as a controller or the kubelet would (bypassing RBAC and faults); false when it was not there.</summary>
    public bool Remove(string apiVersion, string kind, string? ns, string name)
    {
        try
        {
            Store.Delete(KindOf(apiVersion, kind), ns, name, null, null, StoreWriteOptions.Default, Resources.All);
            return true;
        }
        catch (ApiError error) when (error.Code == 404)
        {
            return false;
        }
    }

    /// <summary>Drops every open watch connection (the client sees the stream end abruptly).</summary>
    public void DropWatches() => Store.DropWatches();

    /// <summary>Sends a BOOKMARK now to every watch that allows them.</summary>
    public void SendBookmarks() => Store.SendBookmarks();

    public void ClearRequests()
    {
        lock (_logGate)
        {
            _requests.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        CertificateAuthority.Dispose();
        _stopping.Dispose();
    }

    internal void Log(FakeRequest request)
    {
        lock (_logGate)
        {
            // Bounded, so a long benchmark against the fake does not grow without limit.
            if (_requests.Count >= Options.MaxLoggedRequests)
            {
                _requests.RemoveRange(0, _requests.Count / 2);
            }

            _requests.Add(request);
        }
    }
}
