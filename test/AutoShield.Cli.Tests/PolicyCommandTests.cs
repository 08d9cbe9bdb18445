using System.Text.Json;
using AutoShield.Testing;

namespace AutoShield.Cli.Tests;

public sealed class PolicyCommandTests
{
    private static readonly string Policies = Path.Combine(SharedData.RepositoryRoot, "config", "policies");

    // The mixed scenario runs a 17-second port scan among other attacks: long enough for escalation to show.
    private static readonly Lazy<string> Mixed = new(() => Simulate("mixed", "2m"));

    [Theory]
    [InlineData("validate")]
    [InlineData("backtest")]
    public void Help_PolicySubcommands_PrintUsage(string command)
    {
        var (code, stdout, _) = CliRunner.Run("policy", command, "--help");

        Assert.Equal(0, code);
        Assert.Contains("Usage:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ShippedPolicies_ExitZeroAndListsRules()
    {
        var (code, stdout, _) = CliRunner.Run("policy", "validate", Policies, Path.Combine(Policies, "examples"));

        Assert.Equal(0, code);
        Assert.StartsWith("valid: ", stdout, StringComparison.Ordinal);
        Assert.Contains("Custom Application Protection", stdout, StringComparison.Ordinal);
        Assert.Contains("SYN_FLOOD#1", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BrokenFile_ExitThreeWithFileLineColumn()
    {
        var file = Write("rules:\n  - name: a\n    attack_class: PORT_SCAN\n    condition: features.nope > 1\n    actions:\n      - action_type: alert_only\n");

        var (code, stdout, stderr) = CliRunner.Run("policy", "validate", file);

        Assert.Equal(3, code);
        Assert.Contains($"{file}:4:16: condition: unknown feature 'nope'", stdout, StringComparison.Ordinal);
        Assert.Contains("1 errors in 1 files", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BrokenFileJson_OneObjectWithErrors()
    {
        var file = Write("rules:\n  - name: a\n    attack_class: PORT_SCAN\n    actions:\n      - action_type: reboot\n");

        var (code, stdout, _) = CliRunner.Run("policy", "validate", file, "--output", "json");

        Assert.Equal(3, code);
        var root = JsonDocument.Parse(stdout).RootElement;
        Assert.False(root.GetProperty("valid").GetBoolean());
        var error = root.GetProperty("errors")[0];
        Assert.Equal((5, 22), (error.GetProperty("line").GetInt32(), error.GetProperty("column").GetInt32()));
    }

    [Fact]
    public void Backtest_SimulatedMixedScenario_ReportsWouldFireActionsEscalationAndSuppressions()
    {
        var flows = Mixed.Value;

        var (code, stdout, _) = CliRunner.Run("policy", "backtest", "--policy", Path.Combine(Policies, "default.yaml"), "--replay", flows, "--output", "json");

        Assert.Equal(0, code);
        var root = JsonDocument.Parse(stdout).RootElement;
        var actions = root.GetProperty("actions").EnumerateArray().ToList();
        var scan = actions.Where(a => a.GetProperty("rule").GetString() == "Port Scan - Alert and Contain").ToList();
        Assert.NotEmpty(scan);
        Assert.Equal("alert_only", scan[0].GetProperty("action_type").GetString());
        Assert.Equal("would_apply", scan[0].GetProperty("result").GetString());
        Assert.StartsWith("Pod/", scan[0].GetProperty("target").GetString(), StringComparison.Ordinal);
        Assert.Contains(scan, a => a.GetProperty("level").GetInt32() > 0);
        var summary = root.GetProperty("summary");
        Assert.True(summary.GetProperty("suppressed_by_rule").GetProperty("Port Scan - Alert and Contain").GetInt64() > 0);
        Assert.True(root.GetProperty("replay").GetProperty("detections").GetInt64() > 0);
    }

    [Fact]
    public void Backtest_ModelDetector_DefaultModelRaisesThePortScanAndAPolicyActs()
    {
        var flows = Mixed.Value;
        var model = Path.Combine(SharedData.RepositoryRoot, "models", "default");

        var (code, stdout, _) = CliRunner.Run("policy", "backtest", "--policy", Path.Combine(Policies, "default.yaml"), "--replay", flows, "--detector", "model", "--model", model, "--output", "json");

        Assert.Equal(0, code);
        var root = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("model", root.GetProperty("replay").GetProperty("detector").GetString());
        Assert.True(root.GetProperty("replay").GetProperty("detections").GetInt64() > 0);
        var actions = root.GetProperty("actions").EnumerateArray().ToList();
        Assert.Contains(actions, a => a.GetProperty("rule").GetString() == "Port Scan - Alert and Contain");
    }

    [Fact]
    public void Backtest_ModelDetectorWithoutModel_ExitOneNamingThePath()
    {
        var missing = Path.Combine(Path.GetTempPath(), "autoshield-no-model-" + Guid.NewGuid().ToString("N"));

        var (code, _, stderr) = CliRunner.Run("policy", "backtest", "--policy", Path.Combine(Policies, "default.yaml"), "--replay", "/nonexistent.json", "--detector", "model", "--model", missing);

        Assert.Equal(1, code);
        Assert.Contains(missing, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_ProtectTheAttackersNamespace_SafetyRefusesWithReasonInTheTable()
    {
        var flows = Mixed.Value;
        var (_, json, _) = CliRunner.Run("policy", "backtest", "--policy", Path.Combine(Policies, "default.yaml"), "--replay", flows, "--output", "json");
        var target = JsonDocument.Parse(json).RootElement.GetProperty("actions").EnumerateArray()
            .First(a => a.GetProperty("rule").GetString() == "Port Scan - Alert and Contain").GetProperty("target").GetString()!;
        var ns = target.Split('/')[1];

        var (code, stdout, _) = CliRunner.Run("policy", "backtest", "--policy", Path.Combine(Policies, "default.yaml"), "--replay", flows, "--protect", ns);

        Assert.Equal(0, code);
        Assert.Contains("RESULT", stdout, StringComparison.Ordinal);
        Assert.Contains("protected_namespace", stdout, StringComparison.Ordinal);
        Assert.Matches(@"suppressed .*Port Scan - Alert and Contain [0-9]", stdout);
    }

    [Fact]
    public void Backtest_InvalidPolicy_ExitThreeAndNothingReplayed()
    {
        var file = Write("rules:\n  - name: a\n    attack_class: PORT_SCAN\n");

        var (code, stdout, stderr) = CliRunner.Run("policy", "backtest", "--policy", file, "--replay", "/nonexistent.json");

        Assert.Equal(3, code);
        Assert.Empty(stdout);
        Assert.Contains("a rule needs actions", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_CustomRule_SeesBenignWindowsToo()
    {
        var flows = Simulate("benign", "30s");
        var rule = Write("rules:\n  - name: busy\n    attack_class: CUSTOM_ATTACK\n    cooldown_seconds: 3600\n    condition: features.window_rows >= 2 AND source.namespace exists\n    actions:\n      - action_type: alert_only\n");

        var (code, stdout, _) = CliRunner.Run("policy", "backtest", "--policy", rule, "--replay", flows, "--output", "json");

        Assert.Equal(0, code);
        var actions = JsonDocument.Parse(stdout).RootElement.GetProperty("actions").EnumerateArray().ToList();
        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.Equal("CUSTOM_ATTACK", a.GetProperty("attack_class").GetString()));
    }

    private static string Simulate(string scenario, string duration)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, scenario + ".json");
        var (code, _, stderr) = CliRunner.Run("simulate", "--scenario", scenario, "--seed", "1", "--duration", duration, "--out", file);
        Assert.True(code == 0, stderr);
        return file;
    }

    private static string Write(string yaml)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "policy.yaml");
        File.WriteAllText(file, yaml);
        return file;
    }
}
