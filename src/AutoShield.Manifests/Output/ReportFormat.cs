namespace AutoShield.Manifests.Output;

/// <summary>The report formats of <c>autoshield scan --output</c>.</summary>
public enum ReportFormat
{
    Text,
    Json,
    Sarif,
    JUnit,
}
