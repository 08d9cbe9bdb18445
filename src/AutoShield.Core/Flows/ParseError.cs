namespace AutoShield.Core.Flows;

/// <summary>One malformed input record: where it was (file and 1-based line, or record number) and what was expected.</summary>
public sealed record ParseError(string Source, long Line, string Message)
{
    public override string ToString() => $"{Source}:{Line}: {Message}";
}
