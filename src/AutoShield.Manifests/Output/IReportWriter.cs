using AutoShield.Manifests.Scanning;

namespace AutoShield.Manifests.Output;

/// <summary>Writes a scan report in one format. Writers print only the report, so stdout stays machine-readable.</summary>
public interface IReportWriter
{
    void Write(ScanReport report, TextWriter writer);
}
