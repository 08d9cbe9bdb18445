using System.Diagnostics;
using System.Globalization;
using System.Text;
using AutoShield.Manifests.Input;
using AutoShield.Manifests.Scanning;

namespace AutoShield.Benchmarks;

/// <summary>
/// <c>scan-growth</c> mode: scanner throughput on one core as the input grows. The mixed corpus of
/// <see cref="ManifestScanBenchmark"/> at 1x, 4x and 16x (objects/s should stay flat), then single documents that
/// grow inside: one ConfigMap with ever more keys and one <c>kind: List</c> with ever more items (time per key or
/// item should stay flat: no quadratic behaviour). Each figure is the best of several rounds after a warm-up.
/// </summary>
internal static class ScanGrowthHarness
{
    private static readonly int[] Factors = [1, 4, 16];

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
                ManifestScanner.Scan([input], ScanOptions.Default);
            }

            return 0;
        }

        Console.WriteLine($"machine: {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}; one thread");
        Console.WriteLine();
        Console.WriteLine("mixed corpus (ManifestScanBenchmark.Generate, seed 42)");
        Console.WriteLine("  size      objects       MB     findings   best ms    objects/s   alloc/object");
        foreach (var factor in Factors)
        {
            var objects = baseObjects * factor;
            var text = ManifestScanBenchmark.Generate(objects, seed: 42);
            var (ms, findings, allocated) = Measure(text, Rounds(factor));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {factor,3}x  {objects,11:N0} {text.Length / 1e6,8:F1} {findings,12:N0} {ms,9:F1} {objects / (ms / 1000),12:N0} {allocated / objects,12:N0} B"));
        }

        Console.WriteLine();
        Console.WriteLine("one ConfigMap, growing data (keys), and one kind: List of Deployments, growing items");
        Console.WriteLine("  size   document       entries       MB   best ms   entries/s   alloc/entry");
        foreach (var factor in Factors)
        {
            var keys = 5_000 * factor;
            Row(factor, "ConfigMap", keys, HugeConfigMap(keys));
        }

        foreach (var factor in Factors)
        {
            // 16x stays under the scanner's 8 MB per-document limit.
            var items = baseObjects / 16 * factor;
            Row(factor, "List", items, HugeList(items));
        }

        return 0;
    }

    private static void Row(int factor, string document, int entries, string text)
    {
        var (ms, _, allocated) = Measure(text, Rounds(factor));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {factor,3}x  {document,-10} {entries,11:N0} {text.Length / 1e6,8:F1} {ms,9:F1} {entries / (ms / 1000),11:N0} {allocated / entries,11:N0} B"));
    }

    private static int Rounds(int factor) => Math.Max(3, 48 / factor);

    private static (double Ms, int Findings, long Allocated) Measure(string text, int rounds)
    {
        var input = ManifestInput.FromText("corpus.yaml", text);
        var findings = ManifestScanner.Scan([input], ScanOptions.Default).Findings.Count;

        // Warm up for a second so tiered JIT has installed optimised code before the timed rounds.
        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed < TimeSpan.FromSeconds(1))
        {
            ManifestScanner.Scan([input], ScanOptions.Default);
        }

        var best = double.MaxValue;
        var allocated = long.MaxValue;
        var gc0 = GC.CollectionCount(0);
        var gc1 = GC.CollectionCount(1);
        var gc2 = GC.CollectionCount(2);
        for (var i = 0; i < rounds; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            ManifestScanner.Scan([input], ScanOptions.Default);
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Console.Error.WriteLine($"    gc per round: gen0 {(GC.CollectionCount(0) - gc0) / (double)rounds:F1}, gen1 {(GC.CollectionCount(1) - gc1) / (double)rounds:F1}, gen2 {(GC.CollectionCount(2) - gc2) / (double)rounds:F1}; pause {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms total");
        return (best, findings, allocated);
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
