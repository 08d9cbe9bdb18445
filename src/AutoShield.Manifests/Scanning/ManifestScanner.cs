using AutoShield.Manifests.Input;

namespace AutoShield.Manifests.Scanning;

/// <summary>
/// The scanner's entry point for the CLI, the REST endpoint and the dashboard upload: inputs and options in, a
/// <see cref="ScanReport"/> out. Bad input never throws; it becomes a <see cref="ScanError"/> and the scan goes on.
/// Documents are scanned as they are read and then dropped (<see cref="ScanRun"/>).
/// </summary>
public static class ManifestScanner
{
    /// <summary>Scans YAML or JSON text, such as an upload's body.</summary>
    public static ScanReport ScanText(string text, string source, ScanOptions? options = null) =>
        Scan([ManifestInput.FromText(source, text)], options ?? ScanOptions.Default);

    public static ScanReport Scan(IEnumerable<ManifestInput> inputs, ScanOptions options)
    {
        var run = new ScanRun(options);
        foreach (var input in inputs)
        {
            run.Read(input);
        }

        return run.Finish();
    }
}
