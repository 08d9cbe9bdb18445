using AutoShield.Core.Actions;

namespace AutoShield.Kubernetes.Actions;

/// <summary>The actions the actuator knows, by <c>action_type</c>, and validation of a request against them.</summary>
public sealed class ActionRegistry
{
    private readonly Dictionary<string, IClusterAction> _actions;

    public ActionRegistry(IEnumerable<IClusterAction> actions)
    {
        _actions = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);
    }

    /// <summary>Every action of <see cref="ActionType.All"/>.</summary>
    public static ActionRegistry CreateDefault(IAlertSink alerts, HttpClient webhooks) => new(
    [
        new NetworkPolicyAction(), new PodIsolationAction(), new TrafficThrottleAction(), new PodTerminationAction(),
        new NodeQuarantineAction(), new IngressRateLimitAction(), new HoneypotRedirectAction(),
        new CustomWebhookAction(webhooks), new AlertOnlyAction(alerts),
    ]);

    public IReadOnlyList<IClusterAction> All => [.. _actions.Values.OrderBy(a => a.Name, StringComparer.Ordinal)];

    public bool TryGet(string name, out IClusterAction action) => _actions.TryGetValue(name, out action!);

    /// <summary>Problems with the request (type, target kind, namespace, parameters); resolved parameters have defaults filled in.</summary>
    public IReadOnlyList<string> Validate(ActionRequest request, out Dictionary<string, string> resolved)
    {
        ArgumentNullException.ThrowIfNull(request);
        resolved = [];
        if (!TryGet(request.ActionType, out var action))
        {
            return [$"unknown action type '{request.ActionType}' (known: {string.Join(", ", _actions.Keys.Order(StringComparer.Ordinal))})"];
        }

        var errors = new List<string>(ParameterValidator.Validate(action, request.Parameters, out resolved));
        if (!action.TargetKinds.Contains(request.Target.Kind))
        {
            errors.Add($"{action.Name} acts on {string.Join(" or ", action.TargetKinds)}, not {request.Target.Kind}");
        }
        else if (request.Target.Kind == "Node" ? request.Target.Namespace is not null : request.Target.Namespace is null)
        {
            errors.Add(request.Target.Kind == "Node" ? "a Node target has no namespace" : $"a {request.Target.Kind} target needs a namespace");
        }

        return errors;
    }
}
