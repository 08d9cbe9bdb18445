using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace AutoShield.Kubernetes.Actions;

/// <summary>Checks an action's parameters against its declarations and fills in defaults; every problem is reported with the parameter's name.</summary>
public static partial class ParameterValidator
{
    public static IReadOnlyList<string> Validate(IClusterAction action, IReadOnlyDictionary<string, string> given, out Dictionary<string, string> resolved)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(given);
        var errors = new List<string>();
        resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in given.Keys.Where(k => action.Parameters.All(p => p.Name != k)))
        {
            errors.Add($"{action.Name}: unknown parameter '{name}' (known: {string.Join(", ", action.Parameters.Select(p => p.Name))})");
        }

        foreach (var parameter in action.Parameters)
        {
            if (!given.TryGetValue(parameter.Name, out var value) || value.Length == 0)
            {
                if (parameter.Required)
                {
                    errors.Add($"{action.Name}: parameter '{parameter.Name}' is required ({parameter.Description})");
                }
                else if (parameter.Default is not null)
                {
                    resolved[parameter.Name] = parameter.Default;
                }

                continue;
            }

            if (Check(parameter, value.Trim()) is { } problem)
            {
                errors.Add($"{action.Name}: parameter '{parameter.Name}': {problem}");
            }
            else
            {
                resolved[parameter.Name] = value.Trim();
            }
        }

        return errors;
    }

    /// <summary>Why <paramref name="value"/> is not valid for <paramref name="parameter"/>, or null.</summary>
    public static string? Check(ActionParameter parameter, string value)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(value);
        switch (parameter.Kind)
        {
            case ParameterKind.Integer:
                if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                {
                    return $"'{value}' is not a whole number";
                }

                return number < parameter.Min || number > parameter.Max ? $"{number} is outside [{parameter.Min}, {parameter.Max}]" : null;
            case ParameterKind.Boolean:
                return value is "true" or "false" ? null : $"'{value}' is not true or false";
            case ParameterKind.Choice:
                return parameter.Choices.Contains(value) ? null : $"'{value}' is not one of {string.Join(", ", parameter.Choices)}";
            case ParameterKind.Url:
                return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                    ? null : $"'{value}' is not an absolute http or https URL";
            case ParameterKind.Cidr:
                return IPNetwork.TryParse(value, out _) || IPAddress.TryParse(value, out _) ? null : $"'{value}' is not an IP address or CIDR";
            case ParameterKind.Labels:
                return ParseLabels(value) is null ? $"'{value}' is not a list of key=value labels separated by commas" : null;
            case ParameterKind.Bandwidth:
                return Bandwidth.TryNormalize(value, out _) ? null : $"'{value}' is not a bandwidth such as 1000kbps, 10M or 1Gbps";
            case ParameterKind.Ports:
                return PortList.TryParse(value, out _, out var error) ? null : error;
            default:
                return null;
        }
    }

    /// <summary>Parses <c>a=b,c=d</c> into labels; null when malformed.</summary>
    public static Dictionary<string, string>? ParseLabels(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !LabelKey().IsMatch(part[..eq]) || !LabelValue().IsMatch(part[(eq + 1)..]))
            {
                return null;
            }

            labels[part[..eq]] = part[(eq + 1)..];
        }

        return labels.Count == 0 ? null : labels;
    }

    [GeneratedRegex("^([a-z0-9.-]{1,253}/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex LabelKey();

    [GeneratedRegex("^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$")]
    private static partial Regex LabelValue();
}
