using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace AutoShield.Detection.Models;

/// <summary>
/// The on-disk model: a directory with <c>model.json</c> (<see cref="ModelManifest"/>) and <c>weights.bin</c>
/// ("ASWB", format version and float count as little-endian uint32, the floats as little-endian float32 —
/// classifier then autoencoder — and the SHA-256 of those float bytes). Loading checks every part and reports
/// what is wrong with which file.
/// </summary>
public static class ModelFile
{
    public const string ManifestFileName = "model.json";
    public const string WeightsFileName = "weights.bin";

    private const int WeightsVersion = 1;
    private const int HeaderBytes = 12;
    private const int HashBytes = 32;
    private static readonly byte[] Magic = "ASWB"u8.ToArray();

    public static void Save(DetectionModel model, string directory)
    {
        Directory.CreateDirectory(directory);
        var classifier = model.ClassifierArray;
        var anomaly = model.AnomalyArray ?? [];
        var count = classifier.Length + anomaly.Length;
        var file = new byte[HeaderBytes + (4 * count) + HashBytes];
        Magic.CopyTo(file, 0);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(4), WeightsVersion);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(8), count);
        var payload = file.AsSpan(HeaderBytes, 4 * count);
        WriteFloats(classifier, payload);
        WriteFloats(anomaly, payload[(4 * classifier.Length)..]);
        var hash = SHA256.HashData(payload);
        hash.CopyTo(file, HeaderBytes + (4 * count));

        var manifest = model.Manifest with
        {
            Weights = new WeightsManifest(WeightsFileName, count, classifier.Length, anomaly.Length, Convert.ToHexStringLower(hash)),
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(manifest, ModelJsonContext.Default.ModelManifest);

        // Write both beside their final names, then rename, so a crash never leaves a half-written pair.
        var weightsPath = Path.Combine(directory, WeightsFileName);
        var manifestPath = Path.Combine(directory, ManifestFileName);
        File.WriteAllBytes(weightsPath + ".tmp", file);
        File.WriteAllBytes(manifestPath + ".tmp", json);
        File.Move(weightsPath + ".tmp", weightsPath, overwrite: true);
        File.Move(manifestPath + ".tmp", manifestPath, overwrite: true);
    }

    /// <exception cref="ModelFileException">Anything missing, malformed, mismatched or from a newer format.</exception>
    public static DetectionModel Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ModelFileException($"model directory '{directory}' does not exist");
        }

        var manifestPath = Path.Combine(directory, ManifestFileName);
        var manifest = ReadManifest(manifestPath);
        var weights = manifest.Weights ?? throw new ModelFileException($"{manifestPath}: the 'weights' section is missing");
        if (string.IsNullOrEmpty(weights.File) || Path.GetFileName(weights.File) != weights.File)
        {
            throw new ModelFileException($"{manifestPath}: weights file '{weights.File}' must be a plain file name in the model directory");
        }

        var values = ReadWeights(Path.Combine(directory, weights.File), weights);
        var classifier = values.AsSpan(0, weights.ClassifierCount).ToArray();
        float[]? anomaly = weights.AnomalyCount > 0 ? values.AsSpan(weights.ClassifierCount).ToArray() : null;
        try
        {
            return new DetectionModel(manifest, classifier, anomaly);
        }
        catch (ArgumentException e)
        {
            throw new ModelFileException($"{manifestPath}: {e.Message}", e);
        }
    }

    private static ModelManifest ReadManifest(string path)
    {
        if (!File.Exists(path))
        {
            throw new ModelFileException($"{path} is missing");
        }

        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(File.ReadAllBytes(path), ModelJsonContext.Default.ModelManifest);
        }
        catch (JsonException e)
        {
            throw new ModelFileException($"{path}: invalid model manifest (line {e.LineNumber + 1}, {e.Path}): {e.Message}", e);
        }
        catch (NotSupportedException e)
        {
            throw new ModelFileException($"{path}: invalid model manifest: {e.Message} (is the architecture 'kind' missing?)", e);
        }

        if (manifest is null)
        {
            throw new ModelFileException($"{path}: the manifest is empty");
        }

        if (manifest.Format != ModelManifest.FormatName)
        {
            throw new ModelFileException($"{path}: format is '{manifest.Format}', expected '{ModelManifest.FormatName}'");
        }

        if (manifest.FormatVersion > ModelManifest.CurrentFormatVersion)
        {
            throw new ModelFileException(
                $"{path}: format version {manifest.FormatVersion} is newer than this build reads ({ModelManifest.CurrentFormatVersion}); upgrade AutoShield");
        }

        if (manifest.FormatVersion < 1)
        {
            throw new ModelFileException($"{path}: format version {manifest.FormatVersion} is not valid");
        }

        return manifest;
    }

    private static float[] ReadWeights(string path, WeightsManifest expected)
    {
        if (!File.Exists(path))
        {
            throw new ModelFileException($"{path} is missing");
        }

        var file = File.ReadAllBytes(path);
        if (file.Length < HeaderBytes + HashBytes || !file.AsSpan(0, 4).SequenceEqual(Magic))
        {
            throw new ModelFileException($"{path} is not an AutoShield weights file (no ASWB header)");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(4));
        if (version != WeightsVersion)
        {
            throw new ModelFileException($"{path}: weights format version {version} is not supported (this build reads {WeightsVersion})");
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(8));
        if (count < 0 || file.Length != HeaderBytes + (4L * count) + HashBytes)
        {
            throw new ModelFileException($"{path}: header says {count} floats but the file has {file.Length} bytes (truncated or padded)");
        }

        if (count != expected.Count || expected.ClassifierCount < 0 || expected.AnomalyCount < 0
            || expected.ClassifierCount + expected.AnomalyCount != count)
        {
            throw new ModelFileException(
                $"{path}: holds {count} floats, model.json expects {expected.Count} ({expected.ClassifierCount} classifier + {expected.AnomalyCount} anomaly)");
        }

        var payload = file.AsSpan(HeaderBytes, 4 * count);
        var hash = SHA256.HashData(payload);
        if (!hash.AsSpan().SequenceEqual(file.AsSpan(HeaderBytes + (4 * count), HashBytes)))
        {
            throw new ModelFileException($"{path} is corrupt: its SHA-256 checksum does not match its contents");
        }

        if (!string.Equals(Convert.ToHexStringLower(hash), expected.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelFileException($"{path} does not belong to this model.json: SHA-256 {Convert.ToHexStringLower(hash)}, manifest says {expected.Sha256}");
        }

        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(payload[(4 * i)..]);
            if (!float.IsFinite(values[i]))
            {
                throw new ModelFileException($"{path}: weight {i} is not a finite number");
            }
        }

        return values;
    }

    private static void WriteFloats(ReadOnlySpan<float> values, Span<byte> destination)
    {
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(values).CopyTo(destination);
            return;
        }

        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(destination[(4 * i)..], values[i]);
        }
    }
}
