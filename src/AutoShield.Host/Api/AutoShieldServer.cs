using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using AutoShield.Core.Json;
using AutoShield.Host.Runtime;
using AutoShield.Kubernetes.Ledger;
using AutoShield.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AutoShield.Host.Api;

/// <summary>
/// The three listeners of seed 004: the REST API (:8000, OpenAPI at /openapi.json and a readable page at /docs),
/// the live dashboard (:8081, which serves the same API for its own page) and Prometheus metrics (:9090/metrics).
/// </summary>
public sealed class AutoShieldServer : IAsyncDisposable
{
    private readonly List<WebApplication> _apps;

    private AutoShieldServer(List<WebApplication> apps, Uri api, Uri dashboard, Uri metrics)
    {
        _apps = apps;
        ApiAddress = api;
        DashboardAddress = dashboard;
        MetricsAddress = metrics;
    }

    public Uri ApiAddress { get; }

    public Uri DashboardAddress { get; }

    public Uri MetricsAddress { get; }

    public static async Task<AutoShieldServer> StartAsync(AutoShieldRuntime runtime, MetricsRegistry registry, ServerOptions options, IActionLedger? ledger, string version, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiToken);
        var rejected = registry.Counter("autoshield_api_unauthorized_total", "Mutating API requests refused for a missing or wrong token.");
        var requests = registry.Counter("autoshield_api_requests_total", "API requests answered, per listener and status code class.", "listener", "code");
        var routes = ApiEndpoints.Routes(runtime, ledger);
        var openApi = OpenApiDocument.Build(routes, version).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var filter = new ApiTokenFilter(options.ApiToken, () => rejected.Inc());
        var apps = new List<WebApplication>();
        try
        {
            apps.Add(await StartListenerAsync(options, options.ApiPort, "api", requests, api =>
            {
                MapApi(api, routes, filter);
                api.MapGet("/openapi.json", () => Results.Text(openApi, "application/json"));
                api.MapGet("/docs", () => Results.Content(DocsPage.Render(routes, version), "text/html; charset=utf-8"));
                api.MapGet("/", () => Results.Redirect("/docs"));
            }, cancellationToken));

            var page = Resource("index.html");
            apps.Add(await StartListenerAsync(options, options.DashboardPort, "dashboard", requests, dashboard =>
            {
                MapApi(dashboard, routes, filter);
                dashboard.MapGet("/", () => Results.Content(page, "text/html; charset=utf-8"));
            }, cancellationToken));

            apps.Add(await StartListenerAsync(options, options.MetricsPort, "metrics", requests, metrics =>
            {
                metrics.MapGet("/metrics", async (HttpContext context) =>
                {
                    context.Response.ContentType = MetricsRegistry.ContentType;
                    await registry.WriteToAsync(context.Response.Body, context.RequestAborted);
                });
                metrics.MapGet("/", () => Results.Redirect("/metrics"));
            }, cancellationToken));

            return new AutoShieldServer(apps, Address(apps[0]), Address(apps[1]), Address(apps[2]));
        }
        catch
        {
            foreach (var app in apps)
            {
                await app.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Starts one listener; when its port is taken and the options allow it, on a free port instead.</summary>
    private static async Task<WebApplication> StartListenerAsync(ServerOptions options, int port, string listener, Counter requests, Action<WebApplication> map, CancellationToken cancellationToken)
    {
        var app = Create(options.ListenAddress, port, listener, requests);
        map(app);
        try
        {
            await app.StartAsync(cancellationToken);
            return app;
        }
        catch (IOException) when (options.FallbackToFreePort && port != 0)
        {
            await app.DisposeAsync();
            return await StartListenerAsync(options, 0, listener, requests, map, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static WebApplication Create(string address, int port, string listener, Counter requests)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore();
        builder.WebHost.UseUrls($"http://{(address.Contains(':', StringComparison.Ordinal) ? $"[{address}]" : address)}:{port}");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 64 * 1024);
        builder.Services.Configure<JsonOptions>(o => Configure(o.SerializerOptions));
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            await next(context);
            requests.WithLabels(listener, $"{context.Response.StatusCode / 100}xx").Inc();
        });
        app.MapGet("/healthz", () => Results.Text("ok"));
        return app;
    }

    private static void MapApi(WebApplication app, IReadOnlyList<ApiRoute> routes, ApiTokenFilter filter)
    {
        foreach (var route in routes)
        {
            var endpoint = app.MapMethods(route.Path, [route.Method], route.Handler);
            if (route.Mutating)
            {
                endpoint.AddEndpointFilter(filter);
            }
        }
    }

    internal static void Configure(JsonSerializerOptions options)
    {
        SnakeCaseJson.Apply(options);
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
    }

    private static Uri Address(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First());
    }

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("AutoShield.Host.Dashboard." + name)
            ?? throw new InvalidOperationException($"dashboard resource {name} missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
