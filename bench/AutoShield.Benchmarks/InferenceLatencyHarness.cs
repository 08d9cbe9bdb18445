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
/// issue's targets (p95 ≤ 25 µs, ≥ 20× PyTorch at batch 1, ≥ 10× at batch 256). Every number is taken twice: by
/// the wall clock, and by the thread's CPU clock, which on a machine shared with other jobs leaves out the time the
/// core was given to them; the targets are judged on the latter.
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
            Console.Error.WriteLine("usage: inference-latency [--architecture cnn-lstm|transformer] [--conv N] [--hidden N] [--iterations N] [--rounds N] [--no-torch]");
            return 2;
        }

        ClassifierSpec spec = options.Architecture == TransformerSpec.Kind
            ? new TransformerSpec()
            : new CnnLstmSpec(ConvChannels: options.Conv, HiddenSize: options.Hidden);
        var model = InferenceFixture.Model(spec);
        var windows = InferenceFixture.Windows(Distinct, 7);
        Console.WriteLine($"architecture: {spec} ({model.Classifier.ParameterCount} parameters, input {model.Normalizer.InputWidth} x {WindowShape.Rows})");
        Console.WriteLine($"machine: {Environment.ProcessorCount} logical CPUs, {RuntimeInfo()}");

        var wall = Measure(model, windows, options, cpuClock: false);
        var cpu = InferenceThreadClock.IsThreadCpuTime ? Measure(model, windows, options, cpuClock: true) : wall;
        if (options.NoTorch)
        {
            Print("C# (1 thread)", wall, cpu, null, null);
            return cpu.P95 <= 25 ? 0 : 1;
        }

        var inputs = new float[Distinct * model.Normalizer.InputSize];
        model.Normalizer.ApplyBatch(windows, Distinct, inputs);
        var logits = new float[Distinct * model.ClassNames.Count];
        model.Classifier.CreatePass(Distinct).Forward(model.ClassifierParameters, inputs, logits, Distinct);
        using var torch = RunTorch(model.Classifier, model.ClassifierParameters.ToArray(), inputs, options);
        if (torch is null)
        {
            return 1;
        }

        var t = torch.RootElement;
        var torchWall = InferenceTimings.FromJson(t.GetProperty("wall"));
        var torchCpu = InferenceTimings.FromJson(t.GetProperty("cpu"));
        var maxDifference = t.GetProperty("logits").EnumerateArray().Select((e, i) => Math.Abs(e.GetDouble() - logits[i])).Max();
        Print("C# (1 thread)", wall, cpu, $"PyTorch {t.GetProperty("torchVersion").GetString()} ({t.GetProperty("threads").GetInt32()} thread)", (torchWall, torchCpu));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"same logits: max |C# - PyTorch| = {maxDifference:E2} over {Distinct} windows"));
        foreach (var (clock, ours, theirs) in new[] { ("wall clock", wall, torchWall), ("thread CPU time", cpu, torchCpu) })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"speed-up by {clock}: batch 1 p50 {theirs.P50 / ours.P50:F1}x, p95 {theirs.P95 / ours.P95:F1}x; batch 256 {ours.BatchWindowsPerSecond / theirs.BatchWindowsPerSecond:F1}x"));
        }

        var latencyOk = cpu.P95 <= 25;
        var singleOk = torchCpu.P50 / cpu.P50 >= 20 && torchCpu.P95 / cpu.P95 >= 20;
        var batchOk = cpu.BatchWindowsPerSecond / torchCpu.BatchWindowsPerSecond >= 10;
        Console.WriteLine($"targets (thread CPU time): p95 <= 25 us {Verdict(latencyOk)}, >= 20x at batch 1 {Verdict(singleOk)}, >= 10x at batch 256 {Verdict(batchOk)}");
        return latencyOk && singleOk && batchOk && maxDifference < 1e-4 ? 0 : 1;
    }

    private static void Print(string ours, InferenceTimings wall, InferenceTimings cpu, string? theirs, (InferenceTimings Wall, InferenceTimings Cpu)? torch)
    {
        foreach (var (clock, mine, other) in new[] { ("wall clock", wall, torch?.Wall), ("thread CPU time", cpu, torch?.Cpu) })
        {
            Console.WriteLine();
            Console.WriteLine($"{clock,-32}    p50 us    p95 us    p99 us   batch-256 w/s");
            Console.WriteLine(mine.Row(ours));
            if (other is not null)
            {
                Console.WriteLine(other.Row(theirs!));
            }
        }
    }

    private static InferenceTimings Measure(DetectionModel model, float[] windows, Options options, bool cpuClock)
    {
        long Now() => cpuClock ? InferenceThreadClock.Now() : (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
        var session = model.CreateSession();
        var probabilities = new float[model.ClassNames.Count];

        // Warm up for seconds, not calls: tiered JIT installs optimised code on a background timer.
        var warmup = Stopwatch.StartNew();
        for (var i = 0; i < 5000 || warmup.Elapsed < TimeSpan.FromSeconds(3); i++)
        {
            session.Classify(windows.AsSpan((i % Distinct) * WindowShape.Cells, WindowShape.Cells), probabilities);
        }

        var latencies = new double[options.Iterations];
        for (var i = 0; i < latencies.Length; i++)
        {
            var window = windows.AsSpan((i % Distinct) * WindowShape.Cells, WindowShape.Cells);
            var start = Now();
            session.Classify(window, probabilities);
            latencies[i] = (Now() - start) / 1000.0;
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

        var batchStart = Now();
        for (var i = 0; i < options.Rounds; i++)
        {
            batchSession.ClassifyBatch(batch, batchProbabilities);
        }

        var seconds = (Now() - batchStart) / 1e9;
        return new InferenceTimings(
            InferenceTimings.Percentile(latencies, 0.50), InferenceTimings.Percentile(latencies, 0.95),
            InferenceTimings.Percentile(latencies, 0.99), Batch * options.Rounds / seconds);
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
                default: return null;
            }
        }

        return options.Architecture is CnnLstmSpec.Kind or TransformerSpec.Kind ? options : null;
    }

    private sealed record Options(
        string Architecture = CnnLstmSpec.Kind, int Conv = 32, int Hidden = 32, int Iterations = 20000, int Rounds = 200,
        string Python = "/usr/bin/python3", bool NoTorch = false);
}
