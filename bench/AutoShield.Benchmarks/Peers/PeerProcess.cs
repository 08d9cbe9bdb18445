using System.ComponentModel;
using System.Diagnostics;

namespace AutoShield.Benchmarks.Peers;

/// <summary>Runs a peer tool as a subprocess and times it by the wall clock, start-up included.</summary>
internal static class PeerProcess
{
    /// <summary>What a peer printed and how long it ran; null from <see cref="Run"/> when the tool is not installed.</summary>
    internal sealed record Result(int ExitCode, string StandardOutput, long OutputLines, TimeSpan Elapsed);

    public static Result? Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["OMP_NUM_THREADS"] = "1";
        var clock = Stopwatch.StartNew();
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            return null;
        }

        using (process)
        {
            // Stderr is drained on its own task so a chatty peer cannot block on a full pipe.
            var errors = process.StandardError.ReadToEndAsync();
            var output = new System.Text.StringBuilder();
            long lines = 0;
            string? line;
            while ((line = process.StandardOutput.ReadLine()) is not null)
            {
                lines++;
                if (output.Length < 64 * 1024)
                {
                    output.AppendLine(line);
                }
            }

            process.WaitForExit();
            var elapsed = clock.Elapsed;
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"{fileName} exited with {process.ExitCode}: {errors.Result.Trim()}");
            }

            return new Result(process.ExitCode, output.ToString(), lines, elapsed);
        }
    }

    /// <summary>The repository root (holds AutoShield.slnx), found upwards from the binary.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AutoShield.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("AutoShield.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Debian's interpreter, where apt installs python3-dpkt and numpy; a pyenv shim on PATH may lack them.</summary>
    public static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    public static string Script(string name) => Path.Combine(RepositoryRoot(), "bench", "python", name);
}
