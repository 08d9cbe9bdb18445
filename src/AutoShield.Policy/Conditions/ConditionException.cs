namespace AutoShield.Policy.Conditions;

/// <summary>Thrown inside the lexer, parser and compiler to unwind to the public entry points, which turn it into a <see cref="ConditionError"/>.</summary>
public sealed class ConditionException : Exception
{
    public ConditionException(ConditionError error)
        : base(error.ToString())
    {
        Error = error;
    }

    public ConditionException()
        : this(new ConditionError("invalid condition", 0, 1, 1))
    {
    }

    public ConditionException(string message)
        : this(new ConditionError(message, 0, 1, 1))
    {
    }

    public ConditionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = new ConditionError(message, 0, 1, 1);
    }

    public ConditionError Error { get; }
}
