namespace AutoShield.Manifests.Scanning;

/// <summary>One scanned input with its grade (that of its weakest object) and counts.</summary>
public sealed record FileSummary(string Source, int Objects, int Findings, int Errors, int? LowestScore, string Grade);
