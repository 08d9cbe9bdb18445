using System.Globalization;
using System.Text.Json.Nodes;
using AutoShield.Core.Actions;
using AutoShield.Kubernetes.Client;

namespace AutoShield.Kubernetes.Actions;

/// <summary>
/// What an action works with while it applies or reverts: the client, the request with its resolved parameters,
/// the prior state (captured once, kept in the ledger), the clock, and dry-run write options.
/// </summary>
public sealed class ActionContext
{
    public ActionContext(KubernetesClient client, ActionRequest request, IReadOnlyDictionary<string, string> parameters, JsonObject prior, TimeProvider time, CancellationToken cancellationToken)
    {
        Client = client;
        Request = request;
        Parameters = parameters;
        Prior = prior;
        Time = time;
        CancellationToken = cancellationToken;
        Write = new WriteOptions(request.DryRun, FieldManager);
    }

    public const string FieldManager = "autoshield";

    public KubernetesClient Client { get; }

    public ActionRequest Request { get; }

    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>State captured before the change; saved in the ledger record, so a revert after a restart is exact.</summary>
    public JsonObject Prior { get; }

    public TimeProvider Time { get; }

    public CancellationToken CancellationToken { get; }

    public WriteOptions Write { get; }

    public string Id => Request.Id;

    public ActionTarget Target => Request.Target;

    /// <summary>The target's namespace, or the client's default.</summary>
    public string Namespace => Request.Target.Namespace ?? Client.DefaultNamespace;

    public string Text(string name) => Parameters.TryGetValue(name, out var value) ? value : string.Empty;

    public long Integer(string name) => long.Parse(Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture);

    public bool Flag(string name) => Text(name) == "true";

    /// <summary>The labels every object an action creates carries.</summary>
    public JsonObject OwnLabels() => new()
    {
        [ActionLabels.ActionId] = Id,
        [ActionLabels.ManagedBy] = ActionLabels.ManagedByValue,
    };
}
