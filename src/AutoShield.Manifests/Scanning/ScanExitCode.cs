using AutoShield.Manifests.Checks;

namespace AutoShield.Manifests.Scanning;

/// <summary>Exit codes for <c>autoshield scan</c> and <c>--fail-on &lt;severity&gt;</c>.</summary>
public static class ScanExitCode
{
    public const int Ok = 0;

    /// <summary>A finding at or above the --fail-on severity.</summary>
    public const int FindingsAtOrAbove = 1;

    /// <summary>Some input could not be read (invalid YAML, a limit, binary data): the scan is incomplete.</summary>
    public const int InputErrors = 2;

    /// <summary>Input errors win over findings: an incomplete scan must not pass a CI gate.</summary>
    public static int Compute(ScanReport report, Severity? failOn)
    {
        if (report.Errors.Count > 0)
        {
            return InputErrors;
        }

        return failOn is { } threshold && report.Findings.Any(f => f.Severity >= threshold) ? FindingsAtOrAbove : Ok;
    }

    /// <summary>Parses a --fail-on value: info, low, medium, high, critical, or none (never fail on findings).</summary>
    public static bool TryParseFailOn(string text, out Severity? failOn)
    {
        failOn = null;
        if (text.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.Length > 0 && !char.IsDigit(text[0]) && Enum.TryParse<Severity>(text, ignoreCase: true, out var severity) && Enum.IsDefined(severity))
        {
            failOn = severity;
            return true;
        }

        return false;
    }
}
