using System.Text.Json;
using AutoShield.Kubernetes.Fake;

namespace AutoShield.Cli.Tests;

public sealed class ActCommandTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("autoshield-act-").FullName;
    private FakeKubernetesServer _server = null!;

    private string Kubeconfig => Path.Combine(_directory, "kubeconfig");

    private string Ledger => Path.Combine(_directory, "ledger.db");

    public async Task InitializeAsync()
    {
        _server = await FakeKubernetesServer.StartAsync();
        _server.Access.AddToken("test-token", "tester");
        _server.Seed("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-1","namespace":"shop","labels":{"app":"web"}},"spec":{"containers":[{"name":"app","image":"nginx"}]}}""");
        _server.Seed("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"coredns-1","namespace":"kube-system"},"spec":{"containers":[{"name":"dns","image":"coredns"}]}}""");
        _server.Seed("""{"apiVersion":"v1","kind":"Node","metadata":{"name":"node-1"}}""");
        _server.Seed("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"vault-0","namespace":"shop","labels":{"autoshield.io/protected":"true"}},"spec":{"containers":[{"name":"vault","image":"vault"}]}}""");
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
                namespace: shop
            current-context: fake
            """);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Act_PodIsolation_AppliesListsAndRevertsAcrossInvocations()
    {
        var (code, stdout, stderr) = CliRunner.Run("act", "pod_isolation", "--target", "shop/web-1", "--kubeconfig", Kubeconfig, "--ledger", Ledger, "--output", "json");

        Assert.True(code == 0, $"exit {code}: {stdout} {stderr}");
        var result = JsonDocument.Parse(stdout).RootElement;
        var id = result.GetProperty("id").GetString()!;
        Assert.Equal("applied", result.GetProperty("state").GetString());
        Assert.NotNull(_server.Get("networking.k8s.io/v1", "NetworkPolicy", "shop", $"autoshield-isolate-{id}"));

        var (listCode, listOut, _) = CliRunner.Run("actions", "list", "--ledger", Ledger, "--output", "json");
        var entry = Assert.Single(JsonDocument.Parse(listOut).RootElement.EnumerateArray());
        Assert.Equal(0, listCode);
        Assert.Equal((id, "pod_isolation", "shop/web-1", "applied"), (entry.GetProperty("id").GetString(), entry.GetProperty("action_type").GetString(), entry.GetProperty("target").GetString(), entry.GetProperty("state").GetString()));
        Assert.True(entry.TryGetProperty("created", out _));

        var (revertCode, _, revertErr) = CliRunner.Run("actions", "revert", id, "--kubeconfig", Kubeconfig, "--ledger", Ledger);
        Assert.True(revertCode == 0, revertErr);
        Assert.Null(_server.Get("networking.k8s.io/v1", "NetworkPolicy", "shop", $"autoshield-isolate-{id}"));
        var (_, afterOut, _) = CliRunner.Run("actions", "list", "--ledger", Ledger, "--output", "json");
        Assert.Equal("reverted", JsonDocument.Parse(afterOut).RootElement[0].GetProperty("state").GetString());
    }

    [Fact]
    public void Act_NodeQuarantineWithSet_TaintsTheNodeGivenByName()
    {
        var (code, stdout, stderr) = CliRunner.Run("act", "node_quarantine", "--target", "node-1", "--set", "effect=NoExecute", "--kubeconfig", Kubeconfig, "--ledger", Ledger);

        Assert.True(code == 0, $"exit {code}: {stdout} {stderr}");
        var node = _server.Get("v1", "Node", null, "node-1")!;
        Assert.Equal("NoExecute", node["spec"]!["taints"]![0]!["effect"]!.GetValue<string>());
        Assert.True(node["spec"]!["unschedulable"]!.GetValue<bool>());
    }

    [Fact]
    public void Act_ProtectedLabelOnTarget_SafetyControllerRefusesWithTheReason()
    {
        var (code, _, stderr) = CliRunner.Run("act", "pod_isolation", "--target", "shop/vault-0", "--kubeconfig", Kubeconfig, "--ledger", Ledger);

        Assert.Equal(1, code);
        Assert.Contains("refused: ProtectedLabel", stderr, StringComparison.Ordinal);
        var pod = _server.Get("v1", "Pod", "shop", "vault-0")!;
        Assert.Single(pod["metadata"]!["labels"]!.AsObject());
    }

    [Fact]
    public void Act_ProtectedNamespace_RefusedWithTheReasonAndNothingChanged()
    {
        var (code, stdout, stderr) = CliRunner.Run("act", "pod_termination", "--target", "kube-system/coredns-1", "--kubeconfig", Kubeconfig, "--ledger", Ledger);

        Assert.Equal(1, code);
        Assert.Contains("refused: namespace kube-system is protected", stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout);
        Assert.NotNull(_server.Get("v1", "Pod", "kube-system", "coredns-1"));
    }

    [Fact]
    public void Act_DryRun_ChangesNothingAndRecordsNothing()
    {
        var (code, stdout, stderr) = CliRunner.Run("act", "network_policy", "--target", "web-1", "--set", "direction=egress", "--dry-run", "--kubeconfig", Kubeconfig, "--ledger", Ledger);

        Assert.True(code == 0, $"exit {code}: {stdout} {stderr}");
        Assert.StartsWith("dry run: network_policy", stdout, StringComparison.Ordinal);
        Assert.Empty(_server.Store.List(_server.KindOf("networking.k8s.io/v1", "NetworkPolicy"), null).Items);
        var (_, listOut, _) = CliRunner.Run("actions", "list", "--ledger", Ledger, "--output", "json");
        Assert.Equal("[]", listOut.Trim());
    }

    [Fact]
    public void Act_BadParameter_UsageErrorNamingIt()
    {
        var (code, _, stderr) = CliRunner.Run("act", "traffic_throttle", "--target", "shop/web-1", "--set", "rate_limit=fast", "--kubeconfig", Kubeconfig, "--ledger", Ledger);

        Assert.Equal(2, code);
        Assert.Contains("parameter 'rate_limit': 'fast' is not a bandwidth", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Act_UnknownContext_FailsWithTheKubeconfigError()
    {
        var (code, _, stderr) = CliRunner.Run("act", "alert_only", "--target", "shop/web-1", "--kubeconfig", Kubeconfig, "--context", "nope", "--ledger", Ledger);

        Assert.Equal(1, code);
        Assert.Contains("nope", stderr, StringComparison.Ordinal);
    }
}
