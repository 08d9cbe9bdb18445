using System.Diagnostics;
using System.Text.Json;

namespace AutoShield.Detection.Tests.Interop;

/// <summary>Runs the committed PyTorch scripts (python/) with Debian's /usr/bin/python3 and python3-torch.</summary>
internal static class TorchRunner
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<string?> Unavailable = new(Probe);

    /// <summary>Why torch cannot run here, or null when it can.</summary>
    public static string? UnavailableReason => Unavailable.Value;

    public static string ScriptDirectory => Path.Combine(AppContext.BaseDirectory, "python");

    /// <summary>Runs <paramref name="script"/> on a request document and returns its response document.</summary>
    public static JsonDocument Run(string script, Action<Utf8JsonWriter> writeRequest)
    {
        var directory = Directory.CreateTempSubdirectory("autoshield-torch-");
        try
        {
            var request = Path.Combine(directory.FullName, "request.json");
            var response = Path.Combine(directory.FullName, "response.json");
            using (var stream = File.Create(request))
            using (var writer = new Utf8JsonWriter(stream))
            {
                writeRequest(writer);
            }

            var (exit, output) = Execute([Path.Combine(ScriptDirectory, script), request, response], TimeSpan.FromMinutes(3));
            Assert.True(exit == 0, $"{script} exited with {exit}:\n{output}");
            return JsonDocument.Parse(File.ReadAllBytes(response));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string? Probe()
    {
        if (!File.Exists(Python))
        {
            return $"PyTorch parity skipped: {Python} is missing (install python3 and python3-torch).";
        }

        try
        {
            var (exit, output) = Execute(["-c", "import torch"], TimeSpan.FromMinutes(2));
            return exit == 0 ? null : $"PyTorch parity skipped: {Python} cannot import torch (apt-get install python3-torch): {output.Trim()}";
        }
        catch (Exception e)
        {
            return $"PyTorch parity skipped: running {Python} failed: {e.Message}";
        }
    }

    private static (int Exit, string Output) Execute(IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Python, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["OMP_NUM_THREADS"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
