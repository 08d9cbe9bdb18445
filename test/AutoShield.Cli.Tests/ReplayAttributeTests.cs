using System.Text.Json;
using AutoShield.Kubernetes.Fake;

namespace AutoShield.Cli.Tests;

public sealed class ReplayAttributeTests : IAsyncLifetime
{
    private const string Header =
        "id,Src IP,Src Port,Dst IP,Dst Port,Protocol,Timestamp,Flow Duration,Total Fwd Packet,Total Bwd packets,"
        + "Total Length of Fwd Packet,Total Length of Bwd Packet,Flow Bytes/s,FIN Flag Count,SYN Flag Count,RST Flag Count,ACK Flag Count,Label\n";

    private readonly string _directory = Directory.CreateTempSubdirectory("autoshield-attribute-").FullName;
    private FakeKubernetesServer _server = null!;

    private string Kubeconfig => Path.Combine(_directory, "kubeconfig");

    private string Csv => Path.Combine(_directory, "flows.csv");

    public async Task InitializeAsync()
    {
        _server = await FakeKubernetesServer.StartAsync();
        _server.Access.AddToken("test-token", "tester");
        _server.Seed("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-1","namespace":"shop","uid":"u-web","labels":{"app":"web"}},"spec":{"containers":[{"name":"app","image":"nginx"}]},"status":{"phase":"Running","podIP":"10.244.0.5"}}""");
        _server.Seed("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"db-0","namespace":"shop","uid":"u-db"},"spec":{"containers":[{"name":"db","image":"postgres"}]},"status":{"phase":"Running","podIP":"10.244.0.6"}}""");
        File.WriteAllText(Kubeconfig, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: fake
              cluster:
                server: {_server.HttpUri}
            users:
            - name: tester
              user:
                token: test-token
            contexts:
            - name: fake
              context:
                cluster: fake
                user: tester
            current-context: fake
            """);
        File.WriteAllText(Csv, Header
            + "1,10.244.0.5,40001,10.244.0.6,5432,6,2017-07-05 13:43:23.198,100,1,1,10,0,1.5,0,1,0,1,BENIGN\n"
            + "2,10.244.0.5,40002,192.0.2.9,443,6,2017-07-05 13:43:24.198,100,1,1,10,0,1.5,0,1,0,1,BENIGN\n");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Replay_AttributeWithPodsHoldingTheAddresses_CountsAttributedEndpoints()
    {
        var (code, stdout, stderr) = CliRunner.Run("replay", Csv, "--attribute", "--kubeconfig", Kubeconfig, "--output", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(3, json.RootElement.GetProperty("attributed_endpoints").GetInt64());
        Assert.Contains("3 endpoints attributed to pods", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_WithoutAttribute_LeavesEndpointsUnattributed()
    {
        var (code, stdout, stderr) = CliRunner.Run("replay", Csv, "--kubeconfig", Kubeconfig, "--output", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(0, json.RootElement.GetProperty("attributed_endpoints").GetInt64());
        Assert.DoesNotContain("attributed", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_AttributeWithUnknownContext_FailsWithReason()
    {
        var (code, _, stderr) = CliRunner.Run("replay", Csv, "--attribute", "--kubeconfig", Kubeconfig, "--context", "nope");

        Assert.Equal(1, code);
        Assert.Contains("autoshield replay:", stderr, StringComparison.Ordinal);
    }
}
