using System.Net;
using System.Net.Sockets;
using AutoShield.Host.Api;
using AutoShield.Host.Runtime;
using AutoShield.Metrics;

namespace AutoShield.Host.Tests.Api;

public sealed class ServerPortTests
{
    [Fact]
    public async Task Start_PortTakenWithFallback_ListensOnAnotherPort()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        await using var runtime = new AutoShieldRuntime(TestLoops.Options(TestLoops.ContainScanner));

        await using var server = await AutoShieldServer.StartAsync(runtime, new MetricsRegistry(), Options(port) with { FallbackToFreePort = true }, null, "test");

        Assert.NotEqual(port, server.DashboardAddress.Port);
        using var client = new HttpClient { BaseAddress = server.DashboardAddress };
        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task Start_PortTakenWithoutFallback_FailsAndReleasesTheOthers()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        await using var runtime = new AutoShieldRuntime(TestLoops.Options(TestLoops.ContainScanner));

        await Assert.ThrowsAnyAsync<IOException>(() => AutoShieldServer.StartAsync(runtime, new MetricsRegistry(), Options(port), null, "test"));
    }

    private static ServerOptions Options(int dashboardPort) => new() { ApiPort = 0, DashboardPort = dashboardPort, MetricsPort = 0, ApiToken = "port-test-token-0123456789" };
}
