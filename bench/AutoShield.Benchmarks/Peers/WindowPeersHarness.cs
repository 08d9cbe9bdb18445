using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AutoShield.Core.Flows;
using AutoShield.Core.Windows;
using AutoShield.Ingestion.Windows;

namespace AutoShield.Benchmarks.Peers;

/// <summary>
/// <c>window-peers</c> mode: window updates per second of <see cref="WindowStore"/> on the connection stream of
/// <see cref="WindowUpdateBenchmark"/>, beside the design write-up's Python approach (a dict of
/// <c>deque(maxlen=20)</c> of 12-feature rows, and a numpy ring variant) fed the same stream through a file.
/// Both sides replay the stream pass after pass, each pass later in time, and report their best pass after the
/// first; a checksum of the stateful features of every newest row shows both computed the same rows.
/// </summary>
internal static class WindowPeersHarness
{
    public static int Run(string[] args)
    {
        var passes = args is ["--passes", var p] ? int.Parse(p, CultureInfo.InvariantCulture) : 5;
        var benchmark = new WindowUpdateBenchmark();
        benchmark.Setup();
        var stream = (Connection[])benchmark.WindowStream.Clone();
        var checksum = Checksum(stream);
        var ours = MeasureOurs(stream, benchmark.Span, passes * 20);
        Console.WriteLine($"stream: {stream.Length:N0} connections over {DistinctPairs(stream):N0} pairs per pass; machine: {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}");
        Console.WriteLine();
        Console.WriteLine(Row("AutoShield WindowStore.Update", ours, ours));

        var directory = Directory.CreateTempSubdirectory("autoshield-window-peers-");
        try
        {
            var file = Path.Combine(directory.FullName, "connections.csv");
            Export(stream, file);
            var result = PeerProcess.Run(PeerProcess.Python, PeerProcess.Script("window_update_peer.py"), file,
                benchmark.Span.ToString(CultureInfo.InvariantCulture), passes.ToString(CultureInfo.InvariantCulture));
            if (result is null || result.ExitCode != 0)
            {
                Console.WriteLine("Python peer: not installed or failed (apt-get install -y python3 python3-numpy)");
                return 0;
            }

            using var json = JsonDocument.Parse(result.StandardOutput);
            var root = json.RootElement;
            var python = $"Python {root.GetProperty("python").GetString()}";
            Console.WriteLine(Row($"{python} dict + deque(maxlen=20)", root.GetProperty("deque_updates_per_second").GetDouble(), ours));
            Console.WriteLine(Row($"{python} dict + numpy {root.GetProperty("numpy").GetString()} 20x12 ring", root.GetProperty("numpy_updates_per_second").GetDouble(), ours));
            var theirs = root.GetProperty("checksum").GetDouble();
            var same = Math.Abs(theirs - checksum) <= 1e-5 * Math.Abs(checksum);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  checksum of rate + inter-arrival + spread + failed ratio + ports over one pass: AutoShield {checksum:G9}, Python {theirs:G9} ({(same ? "same" : "DIFFERENT")})"));
            return same ? 0 : 1;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static double MeasureOurs(Connection[] stream, long span, int passes)
    {
        var store = new WindowStore(new WindowStoreOptions { InitialCapacity = 10_000 });
        long offset = 0;
        var rows = 0;
        var best = double.MaxValue;
        var warmup = Stopwatch.StartNew();
        for (var pass = 0; pass < passes || warmup.Elapsed < TimeSpan.FromSeconds(1); pass++)
        {
            var start = Stopwatch.GetTimestamp();
            foreach (var connection in stream)
            {
                var shifted = connection;
                shifted.StartUnixNanos += offset;
                shifted.EndUnixNanos += offset;
                rows += store.Update(shifted).RowCount;
            }

            best = pass == 0 ? best : Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
            offset += span;
        }

        GC.KeepAlive(rows);
        return stream.Length / best;
    }

    private static double Checksum(Connection[] stream)
    {
        var store = new WindowStore(new WindowStoreOptions { InitialCapacity = 10_000 });
        var sum = 0.0;
        foreach (var connection in stream)
        {
            var newest = store.Update(connection).Row(WindowShape.Rows - 1);
            sum += newest[(int)WindowFeature.ConnectionRate] + newest[(int)WindowFeature.InterArrival] + newest[(int)WindowFeature.InterArrivalSpread]
                + newest[(int)WindowFeature.FailedRatio] + newest[(int)WindowFeature.DistinctPorts];
        }

        return sum;
    }

    private static int DistinctPairs(Connection[] stream) =>
        stream.Select(c => (Name(c.Initiator), Name(c.Responder))).Distinct().Count();

    private static string Name(in FlowEndpoint endpoint) => endpoint.Namespace + "/" + endpoint.PodName;

    private static void Export(Connection[] stream, string file)
    {
        var text = new StringBuilder(stream.Length * 96);
        foreach (var c in stream)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{Name(c.Initiator)},{Name(c.Responder)},{c.StartUnixNanos},{c.EndUnixNanos},{c.ResponderPort},{c.SynCount},{c.AckCount},{c.RstCount},{c.FinCount},{c.BytesSent},{c.BytesReceived},{(c.Failed ? 1 : 0)}\n");
        }

        File.WriteAllText(file, text.ToString());
    }

    private static string Row(string name, double perSecond, double oursPerSecond) =>
        string.Create(CultureInfo.InvariantCulture, $"{name,-52} {perSecond,14:N0} updates/s   AutoShield {oursPerSecond / perSecond,7:F1}x");
}
