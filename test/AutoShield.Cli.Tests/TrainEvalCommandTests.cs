using System.Text.Json;
using AutoShield.Detection.Models;

namespace AutoShield.Cli.Tests;

public sealed class TrainEvalCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("autoshield-train-eval-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void TrainThenEval_ShortSimulatorRuns_ModelWrittenAndMetricsReported()
    {
        var model = Path.Combine(_directory.FullName, "model");
        var report = Path.Combine(_directory.FullName, "report.html");
        var metrics = Path.Combine(_directory.FullName, "metrics.json");

        var (trainCode, trainOut, trainError) = CliRunner.Run(
            "train", "--simulate", "benign:1@20s", "--simulate", "port-scanning:1@20s", "--epochs", "2", "--anomaly-epochs", "1",
            "--width", "8", "--out", model, "-o", "json");
        var (evalCode, evalOut, evalError) = CliRunner.Run(
            "eval", "--model", model, "--simulate", "port-scanning:2@20s", "--report", report, "--json", metrics, "-o", "json");

        Assert.True(trainCode == 0, trainError);
        using var summary = JsonDocument.Parse(trainOut);
        Assert.Equal("cnn-lstm", summary.RootElement.GetProperty("architecture").GetString());
        Assert.Equal(summary.RootElement.GetProperty("data_fingerprint").GetString(), DetectionModel.Load(model).Manifest.Training.DataSha256);
        Assert.True(evalCode == 0, evalError);
        using var result = JsonDocument.Parse(evalOut);
        var root = result.RootElement;
        Assert.True(root.GetProperty("windows").GetInt32() > 0);
        Assert.True(root.GetProperty("classes").TryGetProperty("PORT_SCAN", out _));
        Assert.True(root.GetProperty("by_label").TryGetProperty("PORT_SCAN", out _));
        Assert.InRange(root.GetProperty("false_positive_rate").GetDouble(), 0, 1);
        Assert.InRange(root.GetProperty("macro_f1").GetDouble(), 0, 1);
        Assert.InRange(root.GetProperty("accuracy").GetDouble(), 0, 1);
        Assert.Contains("<svg", File.ReadAllText(report), StringComparison.Ordinal);
        using var written = JsonDocument.Parse(File.ReadAllText(metrics));
        Assert.Equal(root.GetProperty("windows").GetInt32(), written.RootElement.GetProperty("windows").GetInt32());
    }

    [Fact]
    public void Train_SameSeedTwice_IdenticalWeights()
    {
        var first = Path.Combine(_directory.FullName, "a");
        var second = Path.Combine(_directory.FullName, "b");
        string[] args = ["train", "--simulate", "brute-force:4@15s", "--epochs", "1", "--anomaly-epochs", "1", "--width", "8", "--seed", "5", "--out"];

        var (firstCode, _, firstError) = CliRunner.Run([.. args, first]);
        var (secondCode, _, _) = CliRunner.Run([.. args, second]);

        Assert.True(firstCode == 0, firstError);
        Assert.Equal(0, secondCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "weights.bin")), File.ReadAllBytes(Path.Combine(second, "weights.bin")));
    }

    [Fact]
    public void Train_BalanceSourcesAndCalibratedMargin_ManifestRecordsBoth()
    {
        var model = Path.Combine(_directory.FullName, "margin");

        var (code, _, error) = CliRunner.Run(
            "train", "--simulate", "benign:1@20s", "--simulate", "port-scanning:1@20s", "--epochs", "1", "--anomaly-epochs", "1",
            "--width", "8", "--balance-sources", "--calibrate-benign-fpr", "0.01", "--out", model);

        Assert.True(code == 0, error);
        var manifest = DetectionModel.Load(model).Manifest;
        Assert.Equal(Detection.Training.ClassWeighting.SourceBalanced, manifest.Training.ClassWeighting);
        Assert.NotNull(manifest.AttackThreshold);
        Assert.InRange(manifest.AttackThreshold.Value, 0f, 1f);
    }

    [Fact]
    public void Train_CalibratedMarginOutOfRange_UsageError()
    {
        var (code, _, error) = CliRunner.Run(
            "train", "--simulate", "benign:1@10s", "--calibrate-benign-fpr", "1.5", "--out", Path.Combine(_directory.FullName, "bad"));

        Assert.Equal(2, code);
        Assert.Contains("false-positive rate", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_BaselineWithoutSplit_UsageError()
    {
        var (code, _, error) = CliRunner.Run("eval", "--model", _directory.FullName, "--simulate", "benign:1@10s", "--baseline", "random-forest");

        Assert.Equal(2, code);
        Assert.Contains("--split", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_MissingModel_Failure()
    {
        var (code, _, error) = CliRunner.Run("eval", "--model", Path.Combine(_directory.FullName, "none"), "--simulate", "benign:1@10s");

        Assert.Equal(1, code);
        Assert.Contains("autoshield eval", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_NoData_UsageError()
    {
        var (code, _, error) = CliRunner.Run("train", "--out", Path.Combine(_directory.FullName, "m"));

        Assert.Equal(2, code);
        Assert.Contains("no data", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_BadSimulateSpec_UsageError()
    {
        var (code, _, error) = CliRunner.Run("train", "--simulate", "nope:1", "--out", Path.Combine(_directory.FullName, "m"));

        Assert.Equal(2, code);
        Assert.Contains("unknown scenario", error, StringComparison.Ordinal);
    }
}
