namespace AutoShield.Policy.Conditions;

/// <summary>One token of a condition, with its offset and length in the condition text for error columns.</summary>
public readonly record struct Token(TokenKind Kind, int Offset, int Length, string Text, double Number = 0);
