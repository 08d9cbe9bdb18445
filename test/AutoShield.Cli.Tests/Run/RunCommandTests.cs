namespace AutoShield.Cli.Tests.Run;

public sealed class RunCommandTests
{
    [Fact]
    public void Run_SimulatedScanUntilDrained_ServesThenSummarises()
    {
        var (state, token) = DataDirectory();

        var (code, _, stderr) = CliRunner.Run(
            "run", "--simulate", "port-scanning", "--duration", "30s", "--no-cluster", "--exit-when-drained",
            "--api-port", "0", "--dashboard-port", "0", "--metrics-port", "0", "--api-token-file", token, "--ledger", Path.Combine(state, "autoshield.db"));

        Assert.Equal(0, code);
        Assert.Contains("dashboard  http://127.0.0.1:", stderr, StringComparison.Ordinal);
        Assert.Contains("/docs (token for POST requests: " + token + ")", stderr, StringComparison.Ordinal);
        Assert.Contains("actuation: dry run", stderr, StringComparison.Ordinal);
        Assert.Contains("PORT_SCAN", stderr, StringComparison.Ordinal);
        Assert.Matches(@"summary: [\d,]+ events \(0 malformed\), [\d,]+ windows, [1-9][\d,]* detections decided", stderr);
        Assert.DoesNotContain(File.ReadAllText(token).Trim(), stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RecordedFileWithBadLines_ReportsThemAndFinishes()
    {
        var (state, token) = DataDirectory();
        var flows = Path.Combine(state, "flows.json");
        Assert.Equal(0, CliRunner.Run("simulate", "--scenario", "port-scanning", "--duration", "20s", "--out", flows).ExitCode);
        File.AppendAllText(flows, "not json at all\n");

        var (code, _, stderr) = CliRunner.Run(
            "run", flows, "--no-cluster", "--api-port", "0", "--dashboard-port", "0", "--metrics-port", "0", "--api-token-file", token, "--ledger", Path.Combine(state, "autoshield.db"));

        Assert.Equal(0, code);
        Assert.Contains("(1 malformed)", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "give input files, --relay host:port or --simulate <scenario>")]
    [InlineData(new[] { "a.json", "--simulate", "mixed" }, "give only one of")]
    [InlineData(new[] { "--simulate", "mixed", "--speed", "-1" }, "--speed must be 0")]
    [InlineData(new[] { "--simulate", "mixed", "--duration", "soon" }, "--duration:")]
    public void Run_BadArguments_ExplainsAndExitsWithUsage(string[] args, string message)
    {
        var (code, _, stderr) = CliRunner.Run(["run", .. args, "--no-cluster"]);

        Assert.Equal(2, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ActuationWithoutACluster_Refuses()
    {
        var (code, _, stderr) = CliRunner.Run("run", "--simulate", "mixed", "--no-cluster", "--enable-actuation");

        Assert.Equal(2, code);
        Assert.Contains("--enable-actuation needs a cluster", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ShortTokenFile_RefusesToStart()
    {
        var (state, _) = DataDirectory();
        var weak = Path.Combine(state, "weak-token");
        File.WriteAllText(weak, "abc");

        var (code, _, stderr) = CliRunner.Run("run", "--simulate", "mixed", "--no-cluster", "--api-token-file", weak, "--ledger", Path.Combine(state, "autoshield.db"));

        Assert.Equal(1, code);
        Assert.Contains("at least 16 characters", stderr, StringComparison.Ordinal);
    }

    private static (string State, string TokenFile) DataDirectory()
    {
        var state = Directory.CreateTempSubdirectory("autoshield-run-").FullName;
        var token = Path.Combine(state, "token");
        File.WriteAllText(token, "cli-test-token-0123456789");
        return (state, token);
    }
}
