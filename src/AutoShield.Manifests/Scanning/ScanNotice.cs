namespace AutoShield.Manifests.Scanning;

/// <summary>Something worth telling that is not a finding or an error: a skipped kind, an ignore naming no check.</summary>
public sealed record ScanNotice(string Source, int Line, int Column, string Message)
{
    public override string ToString() => $"{Source}:{Line}:{Column}: {Message}";
}
