namespace AutoShield.Policy.Conditions;

/// <summary>The kinds of token the condition lexer produces.</summary>
public enum TokenKind
{
    End,
    Identifier,
    Number,
    String,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    And,
    Or,
    Not,
    Between,
    In,
    Contains,
    StartsWith,
    EndsWith,
    Matches,
    Exists,
    True,
    False,
}
