namespace AutoShield.Manifests.Output;

/// <summary>Picks the writer for a format name as given on the command line.</summary>
public static class ReportWriters
{
    public static IReportWriter Create(ReportFormat format, bool colour = false) => format switch
    {
        ReportFormat.Json => new JsonReportWriter(),
        ReportFormat.Sarif => new SarifReportWriter(),
        ReportFormat.JUnit => new JUnitReportWriter(),
        _ => new TextReportWriter(colour),
    };

    /// <summary>Parses text, json, sarif or junit (any case).</summary>
    public static bool TryParseFormat(string text, out ReportFormat format) =>
        Enum.TryParse(text, ignoreCase: true, out format) && Enum.IsDefined(format) && !char.IsDigit(text[0]);
}
