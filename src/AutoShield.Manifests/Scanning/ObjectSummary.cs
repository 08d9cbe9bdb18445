using AutoShield.Manifests.Model;

namespace AutoShield.Manifests.Scanning;

/// <summary>One scanned object with its score (100 = no findings) and grade.</summary>
public sealed record ObjectSummary(ObjectRef Ref, string ApiVersion, string Source, int Line, int Column, int Score, string Grade, int Findings)
{
    public string? TemplateSource { get; init; }
}
