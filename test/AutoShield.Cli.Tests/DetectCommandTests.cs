using System.Text.Json;
using AutoShield.Cli.Commands;

namespace AutoShield.Cli.Tests;

public sealed class DetectCommandTests
{
    private static readonly Lazy<string> ScanFlows = new(() =>
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("autoshield-detect-").FullName, "scan.json");
        var (code, _, error) = CliRunner.Run("simulate", "--scenario", "port-scanning", "--duration", "30s", "--seed", "3", "--out", file);
        Assert.True(code == 0, error);
        return file;
    });

    [Fact]
    public void Detect_PortScanJson_PrintsJsonLinesWithRequiredFields()
    {
        // Act
        var (code, stdout, stderr) = CliRunner.Run("detect", ScanFlows.Value, "--source", "hubble", "--model", DetectTestModel.Directory, "--output", "json");

        // Assert
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        var roots = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        foreach (var root in roots)
        {
            Assert.True(root.GetProperty("time").GetDateTimeOffset() > new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
            Assert.Equal(JsonValueKind.Object, root.GetProperty("source").ValueKind);
            Assert.Equal(JsonValueKind.Object, root.GetProperty("destination").ValueKind);
            Assert.NotEmpty(root.GetProperty("class").GetString()!);
            Assert.InRange(root.GetProperty("confidence").GetDouble(), 0.5, 1);
            Assert.NotEmpty(root.GetProperty("explanation").GetProperty("sentence").GetString()!);
            Assert.Equal(JsonValueKind.Array, root.GetProperty("explanation").GetProperty("attributions").ValueKind);
            Assert.NotEmpty(root.GetProperty("detector").GetString()!);
            Assert.True(root.TryGetProperty("anomaly_score", out _));
            Assert.True(root.TryGetProperty("label", out _));
        }

        var scan = Assert.Single(roots, r => r.GetProperty("detector").GetString() == "fan-out" && r.GetProperty("class").GetString() == "PORT_SCAN");
        Assert.Equal("PORT_SCAN", scan.GetProperty("label").GetString());
        Assert.NotEmpty(scan.GetProperty("source").GetProperty("pod").GetString()!);
        Assert.Contains("detections", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_Text_OneLinePerDetectionWithArrow()
    {
        var (code, stdout, stderr) = CliRunner.Run("detect", ScanFlows.Value, "--model", DetectTestModel.Directory);

        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Contains(" → ", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(" PORT_SCAN ", StringComparison.Ordinal) && l.Contains("ports on", StringComparison.Ordinal));
    }

    [Fact]
    public void Detect_ModelDirectoryWithoutModel_FailsNamingThePath()
    {
        var empty = Directory.CreateTempSubdirectory("autoshield-nomodel-").FullName;

        var (code, stdout, stderr) = CliRunner.Run("detect", ScanFlows.Value, "--model", empty);

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Contains(empty, stderr, StringComparison.Ordinal);
        Assert.Contains("model.json", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_NoOption_PrefersCurrentDirectoryThenRepository()
    {
        var here = Directory.CreateTempSubdirectory("autoshield-cwd-").FullName;
        var repository = Directory.CreateTempSubdirectory("autoshield-repo-").FullName;
        File.WriteAllText(Path.Combine(repository, "AutoShield.slnx"), "<Solution />");
        var executable = Directory.CreateDirectory(Path.Combine(repository, "src", "AutoShield.Cli", "bin")).FullName;
        Directory.CreateDirectory(Path.Combine(repository, "models", "default"));
        File.WriteAllText(Path.Combine(repository, "models", "default", "model.json"), "{}");

        var (fromRepository, tried) = DetectModelLocator.Locate(null, here, executable);
        Directory.CreateDirectory(Path.Combine(here, "models", "default"));
        File.WriteAllText(Path.Combine(here, "models", "default", "model.json"), "{}");
        var (fromHere, _) = DetectModelLocator.Locate(null, here, executable);

        Assert.Equal(Path.Combine(repository, "models", "default"), fromRepository);
        Assert.Equal(2, tried.Count);
        Assert.Equal(Path.Combine(here, "models", "default"), fromHere);
    }

    [Fact]
    public void Help_Detect_PrintsUsage()
    {
        var (code, stdout, _) = CliRunner.Run("detect", "--help");

        Assert.Equal(0, code);
        Assert.Contains("--min-confidence", stdout, StringComparison.Ordinal);
        Assert.Contains("--model", stdout, StringComparison.Ordinal);
    }
}
