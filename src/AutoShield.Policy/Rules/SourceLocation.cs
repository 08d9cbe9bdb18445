namespace AutoShield.Policy.Rules;

/// <summary>A place in a policy file: 1-based line and column.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
