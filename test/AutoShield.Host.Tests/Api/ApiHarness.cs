using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AutoShield.Host.Api;
using AutoShield.Host.Runtime;
using AutoShield.Metrics;

namespace AutoShield.Host.Tests.Api;

/// <summary>A runtime with its three listeners on free loopback ports, and clients with and without the token.</summary>
internal sealed class ApiHarness : IAsyncDisposable
{
    public const string Token = "test-token-0123456789abcdef";

    private ApiHarness(AutoShieldRuntime runtime, AutoShieldServer server, MetricsRegistry registry)
    {
        Runtime = runtime;
        Server = server;
        Registry = registry;
        Anonymous = new HttpClient { BaseAddress = server.ApiAddress };
        Authorized = new HttpClient { BaseAddress = server.ApiAddress };
        Authorized.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    public AutoShieldRuntime Runtime { get; }

    public AutoShieldServer Server { get; }

    public MetricsRegistry Registry { get; }

    public HttpClient Anonymous { get; }

    public HttpClient Authorized { get; }

    /// <summary>Starts the runtime and the server, and waits until the sources are drained.</summary>
    public static async Task<ApiHarness> StartAsync(RuntimeOptions options)
    {
        var runtime = new AutoShieldRuntime(options);
        var registry = new MetricsRegistry();
        _ = new RuntimeMetrics(runtime, registry);
        var server = await AutoShieldServer.StartAsync(runtime, registry, new ServerOptions { ApiPort = 0, DashboardPort = 0, MetricsPort = 0, ApiToken = Token }, options.Ledger, "test");
        await runtime.StartAsync();
        await runtime.Drained.WaitAsync(TimeSpan.FromMinutes(2));
        return new ApiHarness(runtime, server, registry);
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body = null) =>
        client.PostAsJsonAsync(path, body ?? new { });

    public async Task<string> ScrapeAsync()
    {
        using var metrics = new HttpClient { BaseAddress = Server.MetricsAddress };
        return await metrics.GetStringAsync("/metrics");
    }

    public async ValueTask DisposeAsync()
    {
        Anonymous.Dispose();
        Authorized.Dispose();
        await Server.DisposeAsync();
        await Runtime.DisposeAsync();
    }
}
