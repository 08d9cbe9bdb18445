using System.Text.Json.Nodes;
using AutoShield.Detection.Models;
using AutoShield.Detection.Networks;
using AutoShield.Detection.Training;

namespace AutoShield.Detection.Tests.Models;

public sealed class ModelFileTests : IDisposable
{
    private static readonly Lazy<DetectionModel> Trained = new(() => new DetectorTrainer(new TrainingOptions
    {
        Classifier = new CnnLstmSpec(ConvChannels: 8, HiddenSize: 8),
        Anomaly = new AutoencoderSpec(HiddenSize: 16, CodeSize: 4),
        MaxEpochs = 2,
        AnomalyMaxEpochs = 2,
        Seed = 9,
    }).Train(SyntheticWindows.Create(perClass: 20, seed: 9)).Model);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("autoshield-model-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void SaveThenLoad_TrainedModel_SameManifestAndPredictions()
    {
        // Arrange
        var model = Trained.Value;
        var windows = SyntheticWindows.Create(perClass: 5, seed: 10).Windows;

        // Act
        model.Save(_directory.FullName);
        var loaded = DetectionModel.Load(_directory.FullName);

        // Assert
        Assert.Equal(model.ClassifierParameters.ToArray(), loaded.ClassifierParameters.ToArray());
        Assert.Equal(model.AnomalyParameters.ToArray(), loaded.AnomalyParameters.ToArray());
        Assert.Equal(model.Manifest.Architecture, loaded.Manifest.Architecture);
        Assert.Equal(model.ClassNames, loaded.ClassNames);
        Assert.Equal(model.Manifest.Training.DataSha256, loaded.Manifest.Training.DataSha256);
        Assert.Equal(model.AnomalyThreshold, loaded.AnomalyThreshold);
        Assert.Equal(model.Normalizer.Normalization.Mean, loaded.Normalizer.Normalization.Mean);
        Assert.Equal(model.Manifest.Metrics, loaded.Manifest.Metrics);
        var before = new float[15 * 3];
        var after = new float[15 * 3];
        model.CreateSession(4).ClassifyBatch(windows, before);
        loaded.CreateSession(4).ClassifyBatch(windows, after);
        Assert.Equal(before, after);
    }

    [Fact]
    public void Save_Manifest_NamesFormatArchitectureAndChecksum()
    {
        Trained.Value.Save(_directory.FullName);

        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(_directory.FullName, "model.json")))!;

        Assert.Equal("autoshield-detection-model", (string?)json["format"]);
        Assert.Equal(1, (int?)json["formatVersion"]);
        Assert.Equal("cnn-lstm", (string?)json["architecture"]!["kind"]);
        Assert.Equal(14, (int?)json["input"]!["width"]);
        Assert.Equal(64, ((string?)json["weights"]!["sha256"])!.Length);
        Assert.Equal(64, ((string?)json["training"]!["dataSha256"])!.Length);
        Assert.NotNull(json["anomaly"]!["threshold"]);
    }

    [Fact]
    public void Load_FlippedWeightByte_ReportsCorruptChecksum()
    {
        Trained.Value.Save(_directory.FullName);
        var path = Path.Combine(_directory.FullName, "weights.bin");
        var bytes = File.ReadAllBytes(path);
        bytes[40] ^= 0x10;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<ModelFileException>(() => DetectionModel.Load(_directory.FullName));

        Assert.Contains("corrupt", error.Message);
    }

    [Fact]
    public void Load_WeightsOfAnotherModel_ReportsMismatch()
    {
        // Arrange: a second model with the same architecture but other weights, its weights.bin swapped in.
        var model = Trained.Value;
        model.Save(_directory.FullName);
        var other = new DetectionModel(model.Manifest, model.ClassifierParameters.ToArray().Select(v => v * 0.5f).ToArray(), model.AnomalyParameters.ToArray());
        var otherDirectory = Path.Combine(_directory.FullName, "other");
        other.Save(otherDirectory);
        File.Copy(Path.Combine(otherDirectory, "weights.bin"), Path.Combine(_directory.FullName, "weights.bin"), overwrite: true);

        // Act
        var error = Assert.Throws<ModelFileException>(() => DetectionModel.Load(_directory.FullName));

        // Assert
        Assert.Contains("does not belong to this model.json", error.Message);
    }

    [Fact]
    public void Load_TruncatedWeights_ReportsSize()
    {
        Trained.Value.Save(_directory.FullName);
        var path = Path.Combine(_directory.FullName, "weights.bin");
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..^10]);

        var error = Assert.Throws<ModelFileException>(() => DetectionModel.Load(_directory.FullName));

        Assert.Contains("truncated", error.Message);
    }

    [Theory]
    [InlineData("formatVersion", "2", "newer than this build reads")]
    [InlineData("format", "\"something-else\"", "expected 'autoshield-detection-model'")]
    [InlineData("classes", "[\"BENIGN\", \"PORT_SCAN\"]", "parameters")]
    public void Load_EditedManifest_ExplainsTheProblem(string property, string value, string expected)
    {
        // Arrange
        Trained.Value.Save(_directory.FullName);
        var path = Path.Combine(_directory.FullName, "model.json");
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        json[property] = JsonNode.Parse(value);
        File.WriteAllText(path, json.ToJsonString());

        // Act
        var error = Assert.Throws<ModelFileException>(() => DetectionModel.Load(_directory.FullName));

        // Assert
        Assert.Contains(expected, error.Message);
        Assert.Contains("model.json", error.Message);
    }

    [Fact]
    public void Load_UnknownArchitecture_ReportsInvalidManifest()
    {
        Trained.Value.Save(_directory.FullName);
        var path = Path.Combine(_directory.FullName, "model.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"cnn-lstm\"", "\"gru\"", StringComparison.Ordinal));

        var error = Assert.Throws<ModelFileException>(() => DetectionModel.Load(_directory.FullName));

        Assert.Contains("invalid model manifest", error.Message);
    }

    [Fact]
    public void Load_MissingDirectoryOrFile_SaysWhatIsMissing()
    {
        var missingDirectory = Assert.Throws<ModelFileException>(() => DetectionModel.Load(Path.Combine(_directory.FullName, "none")));
        var missingManifest = Assert.Throws<ModelFileException>(() => DetectionModel.Load(_directory.FullName));
        Trained.Value.Save(_directory.FullName);
        File.Delete(Path.Combine(_directory.FullName, "weights.bin"));
        var missingWeights = Assert.Throws<ModelFileException>(() => DetectionModel.Load(_directory.FullName));

        Assert.Contains("does not exist", missingDirectory.Message);
        Assert.Contains("model.json is missing", missingManifest.Message);
        Assert.Contains("weights.bin is missing", missingWeights.Message);
    }
}
