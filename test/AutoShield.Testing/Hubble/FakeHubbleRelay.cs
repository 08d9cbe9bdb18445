using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using AutoShield.Ingestion.Protos.Hubble;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AutoShield.Testing.Hubble;

/// <summary>
/// An in-process Hubble Relay: Kestrel on 127.0.0.1, HTTP/2 only (h2c, or TLS with the given certificate), serving
/// <c>observer.Observer/GetFlows</c> by handing each call to the test's script. Records every request it receives.
/// </summary>
public sealed class FakeHubbleRelay : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<RelayCall, Task> _script;
    private readonly ConcurrentQueue<GetFlowsRequest> _requests = new();
    private readonly ConcurrentDictionary<string, ConnectionContext> _connections = new();
    private int _calls;

    private FakeHubbleRelay(Func<RelayCall, Task> script, X509Certificate2? serverCertificate, X509Certificate2? clientCa)
    {
        _script = script;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            listen.Use(next => async connection =>
            {
                _connections[connection.ConnectionId] = connection;
                try
                {
                    await next(connection);
                }
                finally
                {
                    _connections.TryRemove(connection.ConnectionId, out _);
                }
            });
            if (serverCertificate is not null)
            {
                listen.UseHttps(https =>
                {
                    https.ServerCertificate = serverCertificate;
                    if (clientCa is not null)
                    {
                        https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                        https.ClientCertificateValidation = (certificate, _, _) => TestPki.ChainsTo(certificate, clientCa);
                    }
                });
            }
        }));
        _app = builder.Build();
        _app.MapPost("/observer.Observer/GetFlows", HandleAsync);
    }

    /// <summary>host:port to give the client.</summary>
    public string Address { get; private set; } = string.Empty;

    public IReadOnlyList<GetFlowsRequest> Requests => [.. _requests];

    public static async Task<FakeHubbleRelay> StartAsync(
        Func<RelayCall, Task> script, X509Certificate2? serverCertificate = null, X509Certificate2? clientCa = null)
    {
        var relay = new FakeHubbleRelay(script, serverCertificate, clientCa);
        await relay._app.StartAsync();
        var address = relay._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        relay.Address = new Uri(address).Authority;
        return relay;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var bytes = body.ToArray();
        if (bytes.Length < 5 || bytes[0] != 0 || BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)) != bytes.Length - 5
            || context.Request.ContentType != "application/grpc" || context.Request.Headers.TE != "trailers")
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var request = GetFlowsRequest.Parser.ParseFrom(bytes.AsSpan(5));
        _requests.Enqueue(request);
        context.Response.ContentType = "application/grpc";
        _connections.TryGetValue(context.Connection.Id, out var connection);
        var call = new RelayCall(Interlocked.Increment(ref _calls) - 1, request, context, connection);
        try
        {
            await _script(call);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left mid-call; nothing more to send.
        }
    }
}
