namespace AutoShield.Policy.Conditions;

/// <summary>
/// How to read one field from a <typeparamref name="TContext"/>. A number reader returns <see cref="double.NaN"/>
/// and a string reader null when the field has no value; every comparison on a missing value is false.
/// </summary>
public sealed record FieldAccessor<TContext>
{
    private FieldAccessor(string path, FieldType type)
    {
        Path = path;
        Type = type;
    }

    public string Path { get; }

    public FieldType Type { get; }

    public Func<TContext, double>? Number { get; private init; }

    public Func<TContext, string?>? Text { get; private init; }

    /// <summary>Names a number field also accepts in place of numbers (<c>time.weekday in [sat, sun]</c>).</summary>
    public Func<string, double?>? Symbols { get; private init; }

    public static FieldAccessor<TContext> ForNumber(string path, Func<TContext, double> read, Func<string, double?>? symbols = null) =>
        new(path, FieldType.Number) { Number = read, Symbols = symbols };

    public static FieldAccessor<TContext> ForText(string path, Func<TContext, string?> read) =>
        new(path, FieldType.String) { Text = read };
}
