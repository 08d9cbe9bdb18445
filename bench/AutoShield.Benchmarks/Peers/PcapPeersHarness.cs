using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AutoShield.Core.Flows;
using AutoShield.Ingestion.Pcap;

namespace AutoShield.Benchmarks.Peers;

/// <summary>
/// <c>pcap-peers</c> mode: packets per second of <see cref="PcapReader"/> on the capture of
/// <see cref="PcapParseBenchmark"/> (written to a temporary file), beside dpkt decoding Ethernet/IPv4/TCP into the
/// same fields and tshark printing them as text, in one run. Every side reports its best of several rounds; tshark
/// is timed as a whole process, so its start-up is included, and is also shown net of the start-up measured on a
/// one-packet capture.
/// </summary>
internal static class PcapPeersHarness
{
    private const string AptLine = "apt-get install -y python3-dpkt tshark";

    public static int Run(string[] args)
    {
        var rounds = args is ["--rounds", var r] ? int.Parse(r, CultureInfo.InvariantCulture) : 5;
        var benchmark = new PcapParseBenchmark { Format = "pcap" };
        benchmark.Setup();
        var directory = Directory.CreateTempSubdirectory("autoshield-pcap-peers-");
        try
        {
            var capture = Path.Combine(directory.FullName, "bench.pcap");
            File.WriteAllBytes(capture, benchmark.Capture);
            var tiny = Path.Combine(directory.FullName, "one.pcap");
            File.WriteAllBytes(tiny, FirstPacketOnly(benchmark.Capture));

            var ours = MeasureOurs(capture, rounds);
            Console.WriteLine($"capture: {ours.Packets:N0} Ethernet/IPv4/TCP packets, {benchmark.Capture.Length:N0} bytes ({capture})");
            Console.WriteLine($"machine: {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}; best of {rounds} rounds each");
            Console.WriteLine();
            Console.WriteLine(Row("AutoShield PcapReader (file stream)", ours.PacketsPerSecond, ours.PacketsPerSecond));
            RunDpkt(capture, rounds, ours);
            RunTshark(capture, tiny, Math.Max(2, rounds / 2), ours);
            return 0;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static (long Packets, long Payload, long Syns, double PacketsPerSecond) MeasureOurs(string capture, int rounds)
    {
        // Warm up for a second so tiered JIT has installed optimised code before the timed rounds.
        var warmup = Stopwatch.StartNew();
        (long Packets, long Payload, long Syns) counts = default;
        while (warmup.Elapsed < TimeSpan.FromSeconds(1))
        {
            counts = ParseOnce(capture);
        }

        var best = double.MaxValue;
        for (var i = 0; i < rounds; i++)
        {
            var start = Stopwatch.GetTimestamp();
            counts = ParseOnce(capture);
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        return (counts.Packets, counts.Payload, counts.Syns, counts.Packets / best);
    }

    private static (long Packets, long Payload, long Syns) ParseOnce(string capture)
    {
        using var reader = new PcapReader(File.OpenRead(capture), "bench.pcap");
        var flowEvent = default(FlowEvent);
        long payload = 0, syns = 0;
        while (reader.TryRead(ref flowEvent))
        {
            payload += flowEvent.PayloadBytes;
            if ((flowEvent.Flags & TcpFlags.Syn) != 0)
            {
                syns++;
            }
        }

        return (reader.Counters.Good, payload, syns);
    }

    private static void RunDpkt(string capture, int rounds, (long Packets, long Payload, long Syns, double PacketsPerSecond) ours)
    {
        var result = PeerProcess.Run(PeerProcess.Python, PeerProcess.Script("dpkt_pcap_parse.py"), capture, rounds.ToString(CultureInfo.InvariantCulture));
        if (result is null || result.ExitCode != 0)
        {
            Console.WriteLine($"dpkt: peer not installed or failed ({AptLine})");
            return;
        }

        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        var packets = root.GetProperty("packets").GetInt64();
        var perSecond = packets / root.GetProperty("best_seconds").GetDouble();
        var same = packets == ours.Packets && root.GetProperty("payload_bytes").GetInt64() == ours.Payload
            && root.GetProperty("syn_packets").GetInt64() == ours.Syns;
        var name = $"dpkt {root.GetProperty("dpkt").GetString()} (Python {root.GetProperty("python").GetString()})";
        Console.WriteLine(Row(name, perSecond, ours.PacketsPerSecond));
        Console.WriteLine($"  same packets, payload bytes and SYN count as AutoShield: {(same ? "yes" : "NO")}");
    }

    private static void RunTshark(string capture, string tiny, int runs, (long Packets, long Payload, long Syns, double PacketsPerSecond) ours)
    {
        string[] fields = ["-n", "-T", "fields", "-e", "frame.time_epoch", "-e", "ip.src", "-e", "ip.dst", "-e", "tcp.srcport",
            "-e", "tcp.dstport", "-e", "tcp.flags", "-e", "tcp.len"];
        var startup = BestRun(["-r", tiny, .. fields], runs);
        var whole = BestRun(["-r", capture, .. fields], runs);
        if (startup is null || whole is null)
        {
            Console.WriteLine($"tshark: peer not installed or failed ({AptLine})");
            return;
        }

        var version = PeerProcess.Run("tshark", "--version")?.StandardOutput.Split(" (Git")[0].Trim() ?? "tshark";
        var withStartup = whole.OutputLines / whole.Elapsed.TotalSeconds;
        var net = whole.OutputLines / Math.Max(1e-6, (whole.Elapsed - startup.Elapsed).TotalSeconds);
        Console.WriteLine(Row($"{version}, -T fields, whole process", withStartup, ours.PacketsPerSecond));
        Console.WriteLine(Row("  same, net of start-up", net, ours.PacketsPerSecond));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {whole.OutputLines:N0} lines printed (AutoShield read {ours.Packets:N0} packets); start-up on a one-packet capture {startup.Elapsed.TotalSeconds:F2} s, whole run {whole.Elapsed.TotalSeconds:F2} s"));
    }

    private static PeerProcess.Result? BestRun(string[] arguments, int runs)
    {
        PeerProcess.Result? best = null;
        for (var i = 0; i < runs; i++)
        {
            var result = PeerProcess.Run("tshark", arguments);
            if (result is null || result.ExitCode != 0)
            {
                return null;
            }

            best = best is null || result.Elapsed < best.Elapsed ? result : best;
        }

        return best;
    }

    private static string Row(string name, double perSecond, double oursPerSecond) =>
        string.Create(CultureInfo.InvariantCulture, $"{name,-58} {perSecond,14:N0} packets/s   AutoShield {oursPerSecond / perSecond,7:F1}x");

    /// <summary>The 24-byte file header and the first record of a classic pcap.</summary>
    private static byte[] FirstPacketOnly(byte[] capture)
    {
        var length = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(capture.AsSpan(24 + 8));
        return capture[..(24 + 16 + length)];
    }
}
