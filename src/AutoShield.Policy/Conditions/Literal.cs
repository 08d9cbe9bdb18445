namespace AutoShield.Policy.Conditions;

/// <summary>A number or string literal as written; <see cref="Text"/> is the string value or the number's source text.</summary>
public sealed record Literal(bool IsNumber, double Number, string Text, int Offset)
{
    public override string ToString() => IsNumber ? Text : $"'{Text}'";
}
