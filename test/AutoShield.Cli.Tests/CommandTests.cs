using System.Text.Json;
using AutoShield.Testing;

namespace AutoShield.Cli.Tests;

public sealed class CommandTests
{
    [Theory]
    [InlineData("demo")]
    [InlineData("simulate")]
    [InlineData("replay")]
    [InlineData("windows")]
    public void Help_EveryCommand_PrintsUsage(string command)
    {
        var (code, stdout, _) = CliRunner.Run(command, "--help");
        Assert.Equal(0, code);
        Assert.Contains("Usage:", stdout, StringComparison.Ordinal);
        Assert.Contains(command, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_SameSeedTwice_WritesIdenticalFiles()
    {
        var dir = Directory.CreateTempSubdirectory();
        var a = Path.Combine(dir.FullName, "a.json");
        var b = Path.Combine(dir.FullName, "b.json");
        Assert.Equal(0, CliRunner.Run("simulate", "--scenario", "port-scanning", "--duration", "20s", "--seed", "4", "--out", a).ExitCode);
        Assert.Equal(0, CliRunner.Run("simulate", "--scenario", "port-scanning", "--duration", "20s", "--seed", "4", "--out", b).ExitCode);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        Assert.True(new FileInfo(a).Length > 1000);
    }

    [Fact]
    public void Simulate_BadDuration_ExitsWithUsageAndReason()
    {
        var (code, _, stderr) = CliRunner.Run("simulate", "--duration", "5x", "--out", Path.GetTempFileName());
        Assert.Equal(2, code);
        Assert.Contains("unknown unit", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_ThenReplayJson_CountsEveryEventAndLabel()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "flows.json");
        var (simCode, simOut, _) = CliRunner.Run("simulate", "--scenario", "brute-force", "--duration", "30s", "--seed", "9", "--out", file, "--output", "json");
        Assert.Equal(0, simCode);
        var written = JsonDocument.Parse(simOut).RootElement.GetProperty("events").GetInt64();

        var (code, stdout, _) = CliRunner.Run("replay", file, "--output", "json");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(written, root.GetProperty("events").GetInt64());
        Assert.Equal(0, root.GetProperty("errors").GetInt64());
        Assert.True(root.GetProperty("connections_by_label").GetProperty("BRUTE_FORCE").GetInt64() > 0);
        Assert.True(root.GetProperty("windows").GetInt64() > 0);
    }

    [Fact]
    public void Replay_AllHubbleSamples_ZeroErrorsAndJsonOnlyOnStdout()
    {
        var files = Directory.GetFiles(SharedData.Hubble(), "*.json").Order().ToArray();
        var (code, stdout, _) = CliRunner.Run(["replay", .. files, "--source", "hubble", "--output", "json"]);
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(1916, root.GetProperty("events").GetInt64());
        Assert.Equal(0, root.GetProperty("errors").GetInt64());
        Assert.True(root.GetProperty("pairs_seen").GetInt64() > 0);
    }

    [Fact]
    public void Replay_MalformedLines_ReportsFileAndLineAndCarriesOn()
    {
        var good = File.ReadLines(SharedData.Hubble("basic-sample-10-flows.json")).ToArray();
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "mixed.json");
        File.WriteAllLines(file, [good[0], "{\"flow\":{\"time\":", good[1], "\u0001\u0002garbage", good[2]]);
        var (code, stdout, _) = CliRunner.Run("replay", file, "--source", "hubble");
        Assert.Equal(0, code);
        Assert.Contains($"{file}:2:", stdout, StringComparison.Ordinal);
        Assert.Contains($"{file}:4:", stdout, StringComparison.Ordinal);
        Assert.Contains("3 events, 2 malformed", stdout, StringComparison.Ordinal);
        Assert.Equal(3, CliRunner.Run("replay", file, "--source", "hubble", "--strict").ExitCode);
    }

    [Fact]
    public void Replay_CicFlowMeterSampleGzip_DetectsFormatAndCountsRows()
    {
        var (code, stdout, _) = CliRunner.Run("replay", SharedData.Flows("cicids2017_improved_sample_mon-thu.csv.gz"), "--output", "json");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(31797, root.GetProperty("events").GetInt64());
        Assert.Equal(31797, root.GetProperty("connections").GetInt64());
        Assert.Equal(4114, root.GetProperty("connections_by_label").GetProperty("BENIGN").GetInt64());
    }

    [Fact]
    public void Replay_MissingFile_FailsWithMessage()
    {
        var (code, _, stderr) = CliRunner.Run("replay", "/nonexistent/flows.json");
        Assert.Equal(1, code);
        Assert.Contains("/nonexistent/flows.json", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_Sample_WritesCsvWithFeatureHeaderAndRows()
    {
        var (code, stdout, _) = CliRunner.Run("windows", SharedData.Hubble("basic-sample-400-tcp-flows.json"), "--limit", "5");
        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("window,time,source,destination,label,row,connection_rate,bytes_sent", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length > 5);
        var cells = lines[1].Split(',');
        Assert.Equal(18, cells.Length);
        Assert.Equal(string.Empty, cells[7]);
    }

    [Fact]
    public void Demo_Json_ReportsAttacksAndIngestion()
    {
        var (code, stdout, _) = CliRunner.Run("demo", "--duration", "60s", "--output", "json");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(stdout).RootElement;
        Assert.True(root.GetProperty("attacks").GetArrayLength() > 0);
        Assert.True(root.GetProperty("ingestion").GetProperty("connections").GetInt64() > 0);
    }

    [Fact]
    public void Demo_Json_DetectsDecidesAndActsOnlyInDryRun()
    {
        var (code, stdout, _) = CliRunner.Run("demo", "--scenario", "port-scanning", "--duration", "60s", "--output", "json");

        Assert.Equal(0, code);
        var root = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("dry-run", root.GetProperty("actuation").GetString());
        Assert.True(root.GetProperty("detector").GetProperty("by_class").GetProperty("PORT_SCAN").GetInt64() > 0);
        var first = root.GetProperty("detections")[0];
        Assert.False(string.IsNullOrWhiteSpace(first.GetProperty("explanation").GetProperty("sentence").GetString()));
        var actions = root.GetProperty("actions").EnumerateArray().ToList();
        Assert.Contains(actions, a => a.GetProperty("rule").GetString() == "Port Scan - Alert and Contain");
    }
}
