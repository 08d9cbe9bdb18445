using System.Text.RegularExpressions;
using AutoShield.Core.Actions;

namespace AutoShield.Policy.Rules;

/// <summary>
/// Load-time checks of the action parameters whose meaning the policy engine knows; other parameters pass through
/// to the actuator, which validates them again against the cluster.
/// </summary>
public static partial class ActionParameterValidator
{
    private static readonly string[] Directions = ["ingress", "egress", "both"];
    private static readonly string[] Priorities = ["low", "medium", "high", "critical"];
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH"];

    /// <summary>Problems with <paramref name="parameters"/> of <paramref name="actionType"/>, as (parameter, message) pairs.</summary>
    public static IEnumerable<(string Parameter, string Message)> Validate(string actionType, IReadOnlyDictionary<string, string> parameters)
    {
        if (parameters.TryGetValue("direction", out var direction) && !Directions.Contains(direction, StringComparer.OrdinalIgnoreCase))
        {
            yield return ("direction", $"direction '{direction}' must be ingress, egress or both");
        }

        if (parameters.TryGetValue("ports", out var ports) && !string.Equals(ports, "any", StringComparison.OrdinalIgnoreCase)
            && !ports.Split(',').All(p => int.TryParse(p.Trim(), System.Globalization.CultureInfo.InvariantCulture, out var n) && n is > 0 and < 65536))
        {
            yield return ("ports", $"ports '{ports}' must be 'any' or port numbers 1-65535 separated by commas");
        }

        switch (actionType)
        {
            case ActionType.TrafficThrottle:
                if (!parameters.TryGetValue("rate_limit", out var rate))
                {
                    yield return ("rate_limit", "traffic_throttle needs rate_limit, for example \"1000kbps\"");
                }
                else if (!RatePattern().IsMatch(rate))
                {
                    yield return ("rate_limit", $"rate_limit '{rate}' must be a number with bps, kbps, mbps or gbps, for example \"1000kbps\"");
                }

                break;
            case ActionType.CustomWebhook:
                if (!parameters.TryGetValue("url", out var url))
                {
                    yield return ("url", "custom_webhook needs url");
                }
                else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    yield return ("url", $"url '{url}' must be an absolute http or https address");
                }

                if (parameters.TryGetValue("method", out var method) && !Methods.Contains(method, StringComparer.OrdinalIgnoreCase))
                {
                    yield return ("method", $"method '{method}' must be GET, POST, PUT or PATCH");
                }

                break;
            case ActionType.AlertOnly:
                if (parameters.TryGetValue("priority", out var priority) && !Priorities.Contains(priority, StringComparer.OrdinalIgnoreCase))
                {
                    yield return ("priority", $"priority '{priority}' must be low, medium, high or critical");
                }

                break;
        }
    }

    [GeneratedRegex("^[0-9]+(\\.[0-9]+)?\\s*([kmg]?bps|[kmg]bit)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RatePattern();
}
