using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AutoShield.Core.Windows;
using AutoShield.Detection.Interop;
using AutoShield.Detection.Models;
using AutoShield.Detection.Networks;

namespace AutoShield.Benchmarks;

/// <summary>
/// <c>inference-latency</c> mode: p50/p95/p99 single-window latency and batch-256 throughput of the C# detector
/// versus its PyTorch twin with identical weights and inputs, both on one thread, with the ratios and the
/// issue's targets (p95 ≤ 25 µs, ≥ 20× PyTorch at batch 1, ≥ 10× at batch 256). Latency is by the wall clock;
/// batch throughput also by the thread's CPU clock, which on a machine shared with other jobs leaves out the time
/// the core was given to them, and the batch target is judged on that.
/// </summary>
internal static class InferenceLatencyHarness
{
    private const int Batch = 256;
    private const int Distinct = 512;

    public static int Run(string[] args)
    {
        var options = Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("usage: inference-latency [--model DIR | --architecture cnn-lstm|transformer [--conv N] [--hidden N]] [--iterations N] [--rounds N] [--no-torch]");
            return 2;
        }

        // --model measures a trained model as shipped (models/default); otherwise a seeded untrained one of the given shape.
        ClassifierSpec spec = options.Architecture == TransformerSpec.Kind
            ? new TransformerSpec()
            : new CnnLstmSpec(ConvChannels: options.Conv, HiddenSize: options.Hidden);
        var model = options.Model is { } directory ? DetectionModel.Load(Path.GetFullPath(directory)) : InferenceFixture.Model(spec);
        spec = model.Manifest.Architecture;
        if (options.Model is not null)
        {
            Console.WriteLine($"model: {Path.GetFullPath(options.Model)} ({model.Manifest.Classes.Count} classes, trained weights)");
        }

        var windows = InferenceFixture.Windows(Distinct, 7);
        Console.WriteLine($"architecture: {spec} ({model.Classifier.ParameterCount} parameters, input {model.Normalizer.InputWidth} x {WindowShape.Rows})");
        Console.WriteLine($"machine: {Environment.ProcessorCount} logical CPUs, {RuntimeInfo()}");

        var ours = Measure(model, windows, options);
        if (options.NoTorch)
        {
            PrintTable(ours, null, null);
            return ours.P95 <= 25 ? 0 : 1;
        }

        var inputs = new float[Distinct * model.Normalizer.InputSize];
        model.Normalizer.ApplyBatch(windows, Distinct, inputs);
        var logits = new float[Distinct * model.ClassNames.Count];
        model.Classifier.CreatePass(Distinct).Infer(model.ClassifierParameters, inputs, logits, Distinct);
        using var torch = RunTorch(model.Classifier, model.ClassifierParameters.ToArray(), inputs, options);
        if (torch is null)
        {
            return 1;
        }

        // The machine's speed drifts while torch runs, so our numbers are the mean of a run before and one after.
        var again = Measure(model, windows, options);
        ours = new InferenceTimings(
            (ours.P50 + again.P50) / 2, (ours.P95 + again.P95) / 2, (ours.P99 + again.P99) / 2,
            (ours.BatchPerSecond + again.BatchPerSecond) / 2, (ours.BatchPerCpuSecond + again.BatchPerCpuSecond) / 2);
        var t = torch.RootElement;
        var theirs = InferenceTimings.FromJson(t);
        var maxDifference = t.GetProperty("logits").EnumerateArray().Select((e, i) => Math.Abs(e.GetDouble() - logits[i])).Max();
        PrintTable(ours, theirs, $"PyTorch {t.GetProperty("torchVersion").GetString()} ({t.GetProperty("threads").GetInt32()} thread)");
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"same logits: max |C# - PyTorch| = {maxDifference:E2} over {Distinct} windows"));
        double p50Ratio = theirs.P50 / ours.P50, p95Ratio = theirs.P95 / ours.P95;
        double batchRatio = ours.BatchPerSecond / theirs.BatchPerSecond, batchCpuRatio = ours.BatchPerCpuSecond / theirs.BatchPerCpuSecond;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"speed-up: batch 1 p50 {p50Ratio:F1}x, p95 {p95Ratio:F1}x; batch 256 {batchRatio:F1}x by wall time, {batchCpuRatio:F1}x by CPU time"));
        var latencyOk = ours.P95 <= 25;
        var singleOk = p50Ratio >= 20 && p95Ratio >= 20;
        var batchOk = batchCpuRatio >= 10;
        Console.WriteLine($"targets: p95 <= 25 us {Verdict(latencyOk)}, >= 20x at batch 1 {Verdict(singleOk)}, >= 10x at batch 256 (CPU time) {Verdict(batchOk)}");
        return latencyOk && singleOk && batchOk && maxDifference < 1e-4 ? 0 : 1;
    }

    private static void PrintTable(InferenceTimings ours, InferenceTimings? theirs, string? theirName)
    {
        Console.WriteLine();
        Console.WriteLine("                                 batch 1 (wall clock)       batch 256, windows per second");
        Console.WriteLine("                                   p50 us   p95 us   p99 us    wall time       CPU time");
        Console.WriteLine(ours.Row("C# (1 thread)"));
        if (theirs is not null)
        {
            Console.WriteLine(theirs.Row(theirName!));
        }
    }

    private static InferenceTimings Measure(DetectionModel model, float[] windows, Options options)
    {
        var session = model.CreateSession();
        var probabilities = new float[model.ClassNames.Count];

        // Warm up for seconds, not calls: tiered JIT installs optimised code on a background timer.
        var warmup = Stopwatch.StartNew();
        for (var i = 0; i < 5000 || warmup.Elapsed < TimeSpan.FromSeconds(3); i++)
        {
            session.Classify(windows.AsSpan((i % Distinct) * WindowShape.Cells, WindowShape.Cells), probabilities);
        }

        // Per-call latency by the wall clock: the thread CPU clock is a system call here, costlier than a window.
        var latencies = new double[options.Iterations];
        for (var i = 0; i < latencies.Length; i++)
        {
            var window = windows.AsSpan((i % Distinct) * WindowShape.Cells, WindowShape.Cells);
            var start = Stopwatch.GetTimestamp();
            session.Classify(window, probabilities);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(latencies);

        var batchSession = model.CreateSession(Batch);
        var batch = windows.AsSpan(0, Batch * WindowShape.Cells);
        var batchProbabilities = new float[Batch * model.ClassNames.Count];
        warmup.Restart();
        for (var i = 0; i < 5 || warmup.Elapsed < TimeSpan.FromSeconds(2); i++)
        {
            batchSession.ClassifyBatch(batch, batchProbabilities);
        }

        var wallStart = Stopwatch.GetTimestamp();
        var cpuStart = InferenceThreadClock.Now();
        for (var i = 0; i < options.Rounds; i++)
        {
            batchSession.ClassifyBatch(batch, batchProbabilities);
        }

        var cpuSeconds = (InferenceThreadClock.Now() - cpuStart) / 1e9;
        var wallSeconds = Stopwatch.GetElapsedTime(wallStart).TotalSeconds;
        return new InferenceTimings(
            InferenceTimings.Percentile(latencies, 0.50), InferenceTimings.Percentile(latencies, 0.95),
            InferenceTimings.Percentile(latencies, 0.99), Batch * options.Rounds / wallSeconds, Batch * options.Rounds / cpuSeconds);
    }

    private static JsonDocument? RunTorch(INetwork network, float[] parameters, float[] inputs, Options options)
    {
        var script = Path.Combine(FindRoot(), "bench", "python", "torch_inference_latency.py");
        var directory = Directory.CreateTempSubdirectory("autoshield-latency-");
        try
        {
            var request = Path.Combine(directory.FullName, "request.json");
            var response = Path.Combine(directory.FullName, "response.json");
            using (var stream = File.Create(request))
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WritePropertyName("architecture");
                TorchStateDict.WriteArchitecture(writer, network);
                writer.WritePropertyName("state");
                TorchStateDict.WriteJson(writer, network, parameters);
                writer.WriteStartObject("inputs");
                writer.WriteStartArray("shape");
                writer.WriteNumberValue(Distinct);
                writer.WriteNumberValue(WindowShape.Rows);
                writer.WriteNumberValue(inputs.Length / Distinct / WindowShape.Rows);
                writer.WriteEndArray();
                writer.WriteStartArray("values");
                foreach (var value in inputs)
                {
                    writer.WriteNumberValue(value);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                writer.WriteNumber("iterations", options.Iterations);
                writer.WriteNumber("batch", Batch);
                writer.WriteNumber("rounds", Math.Max(3, options.Rounds / 10));
                writer.WriteEndObject();
            }

            var start = new ProcessStartInfo(options.Python, [script, request, response]) { UseShellExecute = false };
            start.Environment["OMP_NUM_THREADS"] = "1";
            start.Environment["MKL_NUM_THREADS"] = "1";
            using var process = Process.Start(start)!;
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"{script} failed with exit code {process.ExitCode} (is python3-torch installed?)");
                return null;
            }

            return JsonDocument.Parse(File.ReadAllBytes(response));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string Verdict(bool ok) => ok ? "PASS" : "FAIL";

    private static string RuntimeInfo() =>
        $".NET {Environment.Version}, Vector<float> {System.Numerics.Vector<float>.Count} lanes, AVX2 {System.Runtime.Intrinsics.X86.Avx2.IsSupported}";

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AutoShield.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("AutoShield.slnx not found above " + AppContext.BaseDirectory);
    }

    private static Options? Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--architecture": options = options with { Architecture = Value() }; break;
                case "--conv": options = options with { Conv = int.Parse(Value(), CultureInfo.InvariantCulture) }; break;
                case "--hidden": options = options with { Hidden = int.Parse(Value(), CultureInfo.InvariantCulture) }; break;
                case "--iterations": options = options with { Iterations = int.Parse(Value(), CultureInfo.InvariantCulture) }; break;
                case "--rounds": options = options with { Rounds = int.Parse(Value(), CultureInfo.InvariantCulture) }; break;
                case "--python": options = options with { Python = Value() }; break;
                case "--no-torch": options = options with { NoTorch = true }; break;
                case "--model": options = options with { Model = Value() }; break;
                default: return null;
            }
        }

        return options.Architecture is CnnLstmSpec.Kind or TransformerSpec.Kind ? options : null;
    }

    private sealed record Options(
        string Architecture = CnnLstmSpec.Kind, int Conv = 32, int Hidden = 32, int Iterations = 20000, int Rounds = 200,
        string Python = "/usr/bin/python3", bool NoTorch = false, string? Model = null);
}
