using System.Diagnostics;
using System.Globalization;
using System.Text;
using AutoShield.Manifests.Input;
using AutoShield.Manifests.Scanning;

namespace AutoShield.Benchmarks;

/// <summary>
/// <c>scan-growth</c> mode: scanner throughput on one core as the input grows 1x, 4x, 16x and 64x: the mixed corpus
/// of <see cref="ManifestScanBenchmark"/>, one <c>kind: List</c> of ever more Deployments and one ConfigMap with ever
/// more keys. For each size it prints the median of several timed rounds (after a warm-up) in wall-clock time and in
/// process CPU time (all threads, the garbage collector's included: on a machine shared with other jobs the wall clock
/// also counts time spent waiting for a core), objects (or entries) per second of each, the CPU-time ratio to the 1x
/// size next to the input ratio (linear cost: the two match), and bytes allocated per object. The limits are raised so the 64x inputs (over 100 MB, one List document over 40 MB) are scanned whole.
/// </summary>
internal static class ScanGrowthHarness
{
    private static readonly int[] Factors = [1, 4, 16, 64];

    private static readonly ScanOptions Options = ScanOptions.Default with
    {
        Limits = ManifestLimits.Default with { MaxInputBytes = 1L << 30, MaxDocumentChars = 1L << 30, MaxExpandedNodes = 100_000_000, MaxDocuments = int.MaxValue },
    };

    public static int Run(string[] args)
    {
        var baseObjects = args is ["--objects", var o] ? int.Parse(o, CultureInfo.InvariantCulture) : 2_000;
        if (args is ["--profile", var seconds])
        {
            // A steady loop over the 1x corpus for a profiler (dotnet-trace) to sample.
            var input = ManifestInput.FromText("corpus.yaml", ManifestScanBenchmark.Generate(baseObjects, seed: 42));
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed.TotalSeconds < double.Parse(seconds, CultureInfo.InvariantCulture))
            {
                ManifestScanner.Scan([input], Options);
            }

            return 0;
        }

        Console.WriteLine($"machine: {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}, concurrent GC {IsConcurrent()}; one thread; median of the rounds");
        // Tiered JIT compiles hot methods on a background thread, which a loaded machine starves: scan both kinds
        // of input for a while first, so the first series is not measured on unoptimised code.
        WarmUp(ManifestScanBenchmark.Generate(baseObjects, seed: 42), HugeList(baseObjects / 4));
        Series("mixed corpus (ManifestScanBenchmark.Generate, seed 42)", "objects", f => baseObjects * f, n => ManifestScanBenchmark.Generate(n, seed: 42));
        Series("one kind: List of Deployments", "items", f => baseObjects / 4 * f, HugeList);
        Series("one ConfigMap, growing data", "keys", f => 5_000 * f, HugeConfigMap);
        return 0;
    }

    private static void Series(string title, string unit, Func<int, int> count, Func<int, string> generate)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine($"  size {unit,12}       MB     findings    wall ms     CPU ms  {unit + "/s CPU",13} {unit + "/s wall",13}  CPU ratio  input ratio  alloc/{unit[..^1]}");
        double? first = null;
        foreach (var factor in Factors)
        {
            var n = count(factor);
            var text = generate(n);
            var (wall, cpu, findings, allocated) = Measure(text, Rounds(factor));
            first ??= cpu;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {factor,3}x {n,12:N0} {text.Length / 1e6,8:F1} {findings,12:N0} {wall,10:F1} {cpu,10:F1} {n / (cpu / 1000),14:N0} {n / (wall / 1000),13:N0} {cpu / first.Value,9:F1}x {factor,11}x {allocated / n,8:N0} B"));
        }
    }

    private static void WarmUp(params string[] texts)
    {
        foreach (var text in texts)
        {
            var input = ManifestInput.FromText("warm-up.yaml", text);
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(4))
            {
                ManifestScanner.Scan([input], Options);
            }
        }
    }

    private static bool IsConcurrent() => AppContext.TryGetSwitch("System.GC.Concurrent", out var on) ? on : true;

    private static int Rounds(int factor) => factor >= 64 ? 3 : factor >= 16 ? 5 : 9;

    private static (double Wall, double Cpu, int Findings, long Allocated) Measure(string text, int rounds)
    {
        var input = ManifestInput.FromText("corpus.yaml", text);
        var findings = ManifestScanner.Scan([input], Options).Findings.Count;

        // Warm up for a second so tiered JIT has installed optimised code before the timed rounds.
        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed < TimeSpan.FromSeconds(1))
        {
            ManifestScanner.Scan([input], Options);
        }

        var times = new List<double>(rounds);
        var cpuTimes = new List<double>(rounds);
        var allocated = long.MaxValue;
        var gc0 = GC.CollectionCount(0);
        var gc1 = GC.CollectionCount(1);
        var gc2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        for (var i = 0; i < rounds; i++)
        {
            var cpuBefore = ProcessCpuClock.NowMs();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            ManifestScanner.Scan([input], Options);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
            cpuTimes.Add(ProcessCpuClock.NowMs() - cpuBefore);
        }

        times.Sort();
        cpuTimes.Sort();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    wall ms: {string.Join(' ', times.Select(t => t.ToString("F1", CultureInfo.InvariantCulture)))}; CPU ms: {string.Join(' ', cpuTimes.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))}; gc per round: gen0 {(GC.CollectionCount(0) - gc0) / (double)rounds:F1}, gen1 {(GC.CollectionCount(1) - gc1) / (double)rounds:F1}, gen2 {(GC.CollectionCount(2) - gc2) / (double)rounds:F1}; pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds / rounds:F0} ms per round"));
        return (times[times.Count / 2], cpuTimes[cpuTimes.Count / 2], findings, allocated);
    }

    private static string HugeConfigMap(int keys)
    {
        var sb = new StringBuilder(keys * 40);
        sb.Append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\n  namespace: shop\ndata:\n");
        for (var i = 0; i < keys; i++)
        {
            sb.Append("  setting_").Append(i).Append(": value-").Append(i % 97).Append('\n');
        }

        return sb.ToString();
    }

    private static string HugeList(int items)
    {
        // The mixed corpus's Deployments, re-indented as the items of one List document.
        var corpus = ManifestScanBenchmark.Generate(items * 4, seed: 7);
        var sb = new StringBuilder(corpus.Length + (items * 200));
        sb.Append("apiVersion: v1\nkind: List\nitems:\n");
        var added = 0;
        foreach (var document in corpus.Split("---\n", StringSplitOptions.RemoveEmptyEntries))
        {
            if (added == items || !document.Contains("\nkind: Deployment\n", StringComparison.Ordinal))
            {
                continue;
            }

            var first = true;
            foreach (var line in document.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.StartsWith('#'))
                {
                    continue;
                }

                sb.Append(first ? "  - " : "    ").Append(line).Append('\n');
                first = false;
            }

            added++;
        }

        return sb.ToString();
    }
}
