namespace AutoShield.Kubernetes.Actions;

/// <summary>
/// One parameter an action accepts: its name in policy files and <c>--set</c>, its kind, default (null when there
/// is none), allowed values for a choice, the smallest and largest values of an integer, and a sentence for docs.
/// </summary>
public sealed record ActionParameter(string Name, ParameterKind Kind, string? Default, string Description)
{
    public bool Required { get; init; }

    public IReadOnlyList<string> Choices { get; init; } = [];

    public long Min { get; init; } = long.MinValue;

    public long Max { get; init; } = long.MaxValue;

    public static ActionParameter Choice(string name, string defaultValue, string description, params string[] choices) =>
        new(name, ParameterKind.Choice, defaultValue, description) { Choices = choices };

    public static ActionParameter Integer(string name, long defaultValue, long min, long max, string description) =>
        new(name, ParameterKind.Integer, defaultValue.ToString(System.Globalization.CultureInfo.InvariantCulture), description) { Min = min, Max = max };
}
