using System.Diagnostics;

namespace AutoShield.Testing;

/// <summary>Runs Prometheus's own linter, <c>promtool check metrics</c>, on exposition text.</summary>
public static class Promtool
{
    private const string Path = "/usr/bin/promtool";

    /// <summary>The exit code and everything promtool printed.</summary>
    public static (int ExitCode, string Output) CheckMetrics(string exposition)
    {
        if (!File.Exists(Path))
        {
            throw new InvalidOperationException($"{Path} is missing: install the Debian package 'prometheus' (apt-get install -y prometheus); .ci/run installs it in CI.");
        }

        using var process = Process.Start(new ProcessStartInfo(Path, ["check", "metrics"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(exposition);
        process.StandardInput.Close();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
