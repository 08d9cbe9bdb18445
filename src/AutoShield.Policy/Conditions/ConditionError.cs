namespace AutoShield.Policy.Conditions;

/// <summary>
/// What is wrong with a condition and where: <see cref="Offset"/> is the 0-based character offset in the
/// condition text; <see cref="Line"/> and <see cref="Column"/> are 1-based positions inside that text.
/// </summary>
public sealed record ConditionError(string Message, int Offset, int Line, int Column)
{
    /// <summary>Builds an error at <paramref name="offset"/> of <paramref name="text"/>, working out its line and column.</summary>
    public static ConditionError At(string text, int offset, string message)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new ConditionError(message, offset, line, offset - lineStart + 1);
    }

    public override string ToString() => $"{Line}:{Column}: {Message}";
}
