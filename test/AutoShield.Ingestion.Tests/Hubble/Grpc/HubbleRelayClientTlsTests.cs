using AutoShield.Ingestion.Hubble.Grpc;
using AutoShield.Testing.Hubble;
using static AutoShield.Ingestion.Tests.Hubble.Grpc.RelayTestKit;

namespace AutoShield.Ingestion.Tests.Hubble.Grpc;

public sealed class HubbleRelayClientTlsTests
{
    private const string HubbleName = "*.hubble-relay.cilium.io";

    [Fact]
    public async Task StreamAsync_TlsRelayWithTrustedCa_DeliversFlows()
    {
        // Arrange
        using var guard = Guard();
        using var pki = TestPki.Create("AutoShield Test CA", "localhost", "127.0.0.1");
        var flows = RecordedFlows.Load("basic-sample-5-dns-flows.json");
        await using var relay = await FakeHubbleRelay.StartAsync(
            async call =>
            {
                await call.SendAsync(flows);
                call.Finish(GrpcStatusCode.Ok);
            },
            pki.Server);
        using var client = new HubbleRelayClient(Options(relay) with { Tls = true, CaCertificatePath = pki.CaPemPath });

        // Act
        var received = await CollectAsync(client, guard.Token);

        // Assert
        Assert.Equal(Times(flows), Times(received));
        Assert.Equal("kube-system", received[0].Source.Namespace);
    }

    [Fact]
    public async Task StreamAsync_HttpsAddressAndServerNameOverride_MatchesTheCertificateName()
    {
        // Arrange: Hubble certificates name the service, not the (port-forwarded) address
        using var guard = Guard();
        using var pki = TestPki.Create("Hubble CA", HubbleName);
        var flows = RecordedFlows.Load("basic-sample-5-http-flows.json");
        await using var relay = await FakeHubbleRelay.StartAsync(
            async call =>
            {
                await call.SendAsync(flows);
                call.Finish(GrpcStatusCode.Ok);
            },
            pki.Server);
        var options = Options(relay) with
        {
            Address = $"https://{relay.Address}",
            CaCertificatePath = pki.CaPemPath,
            TlsServerName = "ui.hubble-relay.cilium.io",
        };
        using var client = new HubbleRelayClient(options);

        // Act
        var received = await CollectAsync(client, guard.Token);

        // Assert
        Assert.Equal(flows.Count, received.Count);
    }

    [Fact]
    public async Task StreamAsync_CertificateForAnotherName_FailsNamingTheExpectedName()
    {
        // Arrange
        using var guard = Guard();
        using var pki = TestPki.Create("Hubble CA", HubbleName);
        await using var relay = await FakeHubbleRelay.StartAsync(call => Task.CompletedTask, pki.Server);
        using var client = new HubbleRelayClient(Options(relay) with { Tls = true, CaCertificatePath = pki.CaPemPath });

        // Act
        var error = await Assert.ThrowsAsync<HubbleRelayTlsException>(() => CollectAsync(client, guard.Token));

        // Assert
        Assert.Contains("not valid for the name '127.0.0.1'", error.Message);
        Assert.Empty(relay.Requests);
    }

    [Fact]
    public async Task StreamAsync_WrongCa_FailsWithClearErrorAndNoRetry()
    {
        // Arrange
        using var guard = Guard();
        using var relayPki = TestPki.Create("Relay CA", "127.0.0.1");
        using var otherPki = TestPki.Create("Some Other CA", "127.0.0.1");
        await using var relay = await FakeHubbleRelay.StartAsync(call => Task.CompletedTask, relayPki.Server);
        using var client = new HubbleRelayClient(Options(relay) with { Tls = true, CaCertificatePath = otherPki.CaPemPath });

        // Act
        var error = await Assert.ThrowsAsync<HubbleRelayTlsException>(() => CollectAsync(client, guard.Token));

        // Assert
        Assert.Contains($"TLS with Hubble Relay {relay.Address} failed", error.Message);
        Assert.Contains("does not chain to the configured CA", error.Message);
        Assert.Contains("CN=Relay CA", error.Message);
        Assert.Equal(0, client.Counters.Reconnects);
        Assert.Contains("HubbleRelayTlsException", client.Counters.LastError);
        Assert.Empty(relay.Requests);
    }

    [Fact]
    public async Task StreamAsync_MutualTls_PresentsTheClientCertificate()
    {
        // Arrange
        using var guard = Guard();
        using var pki = TestPki.Create("Hubble CA", "127.0.0.1");
        var flows = RecordedFlows.Load("basic-sample-10-flows.json");
        string? presented = null;
        await using var relay = await FakeHubbleRelay.StartAsync(
            async call =>
            {
                presented = call.ClientCertificateSubject;
                await call.SendAsync(flows);
                call.Finish(GrpcStatusCode.Ok);
            },
            pki.Server,
            clientCa: pki.Ca);
        var options = Options(relay) with
        {
            Tls = true,
            CaCertificatePath = pki.CaPemPath,
            ClientCertificatePath = pki.ClientCertificatePemPath,
            ClientKeyPath = pki.ClientKeyPemPath,
        };
        using var client = new HubbleRelayClient(options);

        // Act
        var received = await CollectAsync(client, guard.Token);

        // Assert
        Assert.Equal(flows.Count, received.Count);
        Assert.Equal("CN=autoshield-client", presented);
    }
}
