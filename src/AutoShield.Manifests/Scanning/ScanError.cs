namespace AutoShield.Manifests.Scanning;

/// <summary>Input the scanner could not read (bad YAML, a limit hit, binary data), with where it happened.</summary>
public sealed record ScanError(string Source, int Line, int Column, string Message)
{
    public override string ToString() => $"{Source}:{Line}:{Column}: {Message}";
}
