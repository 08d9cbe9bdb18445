namespace AutoShield.Policy.Rules;

/// <summary>A problem in a policy file, printed as <c>file:line:column: message</c>.</summary>
public sealed record PolicyError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
