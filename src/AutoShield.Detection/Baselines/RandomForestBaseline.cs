using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AutoShield.Core.Detections;
using AutoShield.Detection.Data;
using AutoShield.Detection.Evaluation;

namespace AutoShield.Detection.Baselines;

/// <summary>
/// scikit-learn's RandomForestClassifier (Debian's python3-sklearn, run by /usr/bin/python3) trained on the same
/// windows as our models (flattened by <see cref="BaselineFeatures"/>, class-balanced, fixed random_state) and
/// scored on the same test windows. Data goes through raw little-endian files in a temporary folder.
/// </summary>
public static class RandomForestBaseline
{
    private const string ScriptResource = "AutoShield.Detection.Baselines.random_forest.py";

    /// <exception cref="BaselineUnavailableException">python3 or scikit-learn is missing, or the script failed.</exception>
    /// <exception cref="ArgumentException">The training side holds fewer than two mapped classes.</exception>
    public static BaselineResult Run(WindowDataset data, IReadOnlyList<int> train, IReadOnlyList<int> test, RandomForestOptions? options = null)
    {
        options ??= new RandomForestOptions();
        if (!File.Exists(options.Python))
        {
            throw new BaselineUnavailableException($"the random-forest baseline needs {options.Python} with scikit-learn (apt-get install python3 python3-sklearn)");
        }

        var training = data.ToTrainingData(train);
        training.Validate();
        var directory = Directory.CreateTempSubdirectory("autoshield-rf-");
        try
        {
            string Path(string name) => System.IO.Path.Combine(directory.FullName, name);
            WriteFeatures(Path("train_x.f32"), data, train.Where(i => data.Classes[i] is not null).ToArray());
            WriteInts(Path("train_y.i32"), training.Labels);
            WriteFeatures(Path("test_x.f32"), data, test);
            using (var script = typeof(RandomForestBaseline).Assembly.GetManifestResourceStream(ScriptResource)
                ?? throw new InvalidOperationException($"resource {ScriptResource} is missing"))
            using (var file = File.Create(Path("random_forest.py")))
            {
                script.CopyTo(file);
            }

            var request = new Dictionary<string, object>
            {
                ["features"] = BaselineFeatures.Width,
                ["classes"] = training.ClassNames.Count,
                ["trees"] = options.Trees,
                ["seed"] = options.Seed,
                ["jobs"] = options.Jobs,
                ["train_x"] = Path("train_x.f32"),
                ["train_y"] = Path("train_y.i32"),
                ["test_x"] = Path("test_x.f32"),
                ["out"] = Path("probabilities.f32"),
                ["summary"] = Path("summary.json"),
            };
            File.WriteAllText(Path("request.json"), JsonSerializer.Serialize(request));
            Execute(options, Path("random_forest.py"), Path("request.json"));

            var probabilities = ReadFloats(Path("probabilities.f32"), test.Count * training.ClassNames.Count);
            var info = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(Path("summary.json")))!
                .ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);
            info["trees"] = options.Trees.ToString(CultureInfo.InvariantCulture);
            info["random_state"] = options.Seed.ToString(CultureInfo.InvariantCulture);
            return new BaselineResult(Verdicts(probabilities, training.ClassNames, test.Count), training.ClassNames, info);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static ScoredWindows Verdicts(float[] probabilities, IReadOnlyList<string> classes, int count)
    {
        var benign = ModelScorer.IndexOf(classes, AttackClass.Benign);
        var predicted = new string[count];
        var scores = new float[count];
        for (var k = 0; k < count; k++)
        {
            var row = probabilities.AsSpan(k * classes.Count, classes.Count);
            predicted[k] = classes[Models.InferenceSession.ArgMax(row)];
            scores[k] = benign >= 0 ? 1f - row[benign] : 1f;
        }

        return new ScoredWindows(predicted, scores);
    }

    private static void Execute(RandomForestOptions options, string script, string request)
    {
        var start = new ProcessStartInfo(options.Python, [script, request])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["OMP_NUM_THREADS"] = "1";
        using var process = Process.Start(start) ?? throw new BaselineUnavailableException($"{options.Python} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(options.Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new BaselineUnavailableException($"the random-forest baseline ran longer than {options.Timeout}");
        }

        if (process.ExitCode != 0)
        {
            var output = (stdout.Result + stderr.Result).Trim();
            throw new BaselineUnavailableException(process.ExitCode == 3
                ? $"the random-forest baseline needs scikit-learn: {output}"
                : $"the random-forest baseline failed (exit {process.ExitCode}): {output}");
        }
    }

    private static void WriteFeatures(string path, WindowDataset data, IReadOnlyList<int> indices)
    {
        using var file = new BufferedStream(File.Create(path), 1 << 16);
        var row = new float[BaselineFeatures.Width];
        var bytes = new byte[row.Length * sizeof(float)];
        foreach (var i in indices)
        {
            BaselineFeatures.Write(data.Window(i), row);
            for (var j = 0; j < row.Length; j++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(j * sizeof(float)), row[j]);
            }

            file.Write(bytes);
        }
    }

    private static void WriteInts(string path, int[] values)
    {
        var bytes = new byte[values.Length * sizeof(int)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * sizeof(int)), values[i]);
        }

        File.WriteAllBytes(path, bytes);
    }

    private static float[] ReadFloats(string path, int count)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length != count * sizeof(float))
        {
            throw new BaselineUnavailableException($"the random-forest baseline wrote {bytes.Length} bytes, expected {count * sizeof(float)}");
        }

        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        }

        return values;
    }
}
