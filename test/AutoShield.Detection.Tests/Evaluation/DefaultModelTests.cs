using System.Text.RegularExpressions;
using AutoShield.Core.Detections;
using AutoShield.Core.Windows;
using AutoShield.Detection.Models;
using AutoShield.Testing;

namespace AutoShield.Detection.Tests.Evaluation;

public sealed partial class DefaultModelTests
{
    private static readonly string Directory = Path.Combine(SharedData.RepositoryRoot, "models", "default");

    [Fact]
    public void Load_CommittedDefault_ClassesCoverWhatPoliciesName()
    {
        var model = DetectionModel.Load(Directory);

        Assert.Equal(AttackClass.Benign, model.ClassNames[0]);
        foreach (var name in new[] { AttackClass.PortScan, AttackClass.SynFlood, AttackClass.BruteForce, AttackClass.LateralMovement, AttackClass.DataExfiltration, AttackClass.C2Beacon })
        {
            Assert.Contains(name, model.ClassNames);
        }

        Assert.NotNull(model.AnomalyThreshold);
        var probabilities = new float[model.ClassNames.Count];
        var score = model.Score(new float[WindowShape.Cells], probabilities);
        Assert.InRange(score.Confidence, 0f, 1f);
    }

    [Fact]
    public void Load_CommittedDefault_SmallAndFingerprintIsTheDocumentedRecipe()
    {
        var model = DetectionModel.Load(Directory);
        var weights = new FileInfo(Path.Combine(Directory, "weights.bin")).Length + new FileInfo(Path.Combine(Directory, "model.json")).Length;
        var docs = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "detection.md"));

        Assert.True(weights < 1 << 20, $"models/default is {weights} bytes");
        var documented = Fingerprint().Match(docs);
        Assert.True(documented.Success, "docs/detection.md names no training-data fingerprint");
        Assert.Equal(documented.Groups[1].Value, model.Manifest.Training.DataSha256);
    }

    [GeneratedRegex("training-data fingerprint `([0-9a-f]{64})`")]
    private static partial Regex Fingerprint();
}
