using System.CommandLine;
using AutoShield.Cli.Infrastructure;
using AutoShield.Core.Actions;
using AutoShield.Kubernetes.Actions;
using AutoShield.Kubernetes.Client;
using AutoShield.Kubernetes.Client.Errors;
using AutoShield.Kubernetes.Ledger;

namespace AutoShield.Cli.Commands;

/// <summary>
/// <c>autoshield act</c>: a person applies one action by hand. It is explicit intent, so it applies unless
/// <c>--dry-run</c>, but it still passes the safety controller (protected namespaces and labels, the kill switch; refused with the reason), is
/// recorded in the ledger before the API call, and writes its Event on the target like any automatic action.
/// </summary>
public static class ActCommand
{
    public static Command Build(CliContext context) => Build(context, ActSafetyGuard.FromEnvironment());

    public static Command Build(CliContext context, IActionGuard guard)
    {
        var actionType = new Argument<string>("action_type") { Description = $"One of: {string.Join(", ", ActionType.All)}." };
        actionType.AcceptOnlyFromAmong([.. ActionType.All]);
        var target = new Option<string>("--target", "-t") { Description = "namespace/name of the pod, ingress or service (name alone uses --namespace); a node's name.", Required = true };
        var set = new Option<string[]>("--set") { Description = "Parameter as key=value; repeat for more.", AllowMultipleArgumentsPerToken = false };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check everything with the API server (dryRun=All) and change nothing." };
        var ttl = new Option<string?>("--ttl") { Description = "Revert automatically after this long (60s, 5m, 1h) when the ledger is next reconciled." };
        var kubeconfig = ActionsCliSupport.Kubeconfig();
        var kubeContext = ActionsCliSupport.KubeContext();
        var ns = ActionsCliSupport.Namespace();
        var ledger = ActionsCliSupport.LedgerPath();
        var output = CommonOptions.Output();
        var command = new Command("act", "Apply one action now (idempotent, recorded in the ledger, revertible with `autoshield actions revert`).")
        {
            actionType, target, set, dryRun, ttl, kubeconfig, kubeContext, ns, ledger, output,
        };
        command.SetAction(parse => Execute(context, guard, new ActInput(
            parse.GetValue(actionType)!, parse.GetValue(target)!, parse.GetValue(set) ?? [], parse.GetValue(dryRun), parse.GetValue(ttl),
            parse.GetValue(kubeconfig), parse.GetValue(kubeContext), parse.GetValue(ns), parse.GetValue(ledger), parse.GetValue(output))));
        return command;
    }

    public static int Execute(CliContext context, IActionGuard guard, ActInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<string>();
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in input.Set)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                problems.Add($"--set '{pair}': expected key=value");
            }
            else
            {
                parameters[pair[..eq]] = pair[(eq + 1)..];
            }
        }

        TimeSpan? ttl = null;
        if (input.Ttl is not null)
        {
            if (DurationParser.TryParse(input.Ttl, out var parsed, out var error))
            {
                ttl = parsed;
            }
            else
            {
                problems.Add($"--ttl: {error}");
            }
        }

        var connection = ActionsCliSupport.Connect(context, "act", input.Kubeconfig, input.KubeContext);
        if (connection is null)
        {
            return ExitCodes.Failure;
        }

        using var http = new HttpClient();
        var alerts = new QueuedAlertSink();
        var registry = ActionRegistry.CreateDefault(alerts, http);
        registry.TryGet(input.ActionType, out var action);
        var kind = action.TargetKinds[0];
        var slash = input.Target.IndexOf('/', StringComparison.Ordinal);
        var actionTarget = kind == "Node"
            ? new ActionTarget(kind, null, input.Target)
            : new ActionTarget(kind, slash > 0 ? input.Target[..slash] : input.Namespace ?? connection.Namespace, slash > 0 ? input.Target[(slash + 1)..] : input.Target);
        var request = new ActionRequest
        {
            Id = ActionIds.New(),
            ActionType = input.ActionType,
            Target = actionTarget,
            Parameters = parameters,
            Rule = "manual",
            Ttl = ttl,
            DryRun = input.DryRun,
            Requested = TimeProvider.System.GetUtcNow(),
        };
        problems.AddRange(registry.Validate(request, out _));
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                context.Error.WriteLine($"autoshield act: {problem}");
            }

            return ExitCodes.Usage;
        }

        using var client = new KubernetesClient(connection);

        // Protected labels are on the object: read them so the guard can see them (a missing target fails later, in the action).
        System.Text.Json.Nodes.JsonObject? current = null;
        try
        {
            current = client.TryGetAsync(TargetTypes.For(actionTarget.Kind), actionTarget.Namespace, actionTarget.Name).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is KubernetesApiException or HttpRequestException)
        {
            context.Error.WriteLine($"autoshield act: could not read {actionTarget} before acting: {ex.Message}");
        }

        if (current?["metadata"]?["labels"] is System.Text.Json.Nodes.JsonObject labels)
        {
            request = request with
            {
                Target = actionTarget with { Labels = labels.ToDictionary(kv => kv.Key, kv => kv.Value?.ToString() ?? string.Empty, StringComparer.Ordinal) },
            };
        }

        if (guard.Refuse(request) is { } reason)
        {
            context.Error.WriteLine($"autoshield act: refused: {reason}");
            return ExitCodes.Failure;
        }

        using var ledger = new SqliteActionLedger(ActionsCliSupport.ResolveLedger(input.Ledger));
        var outcome = ActionsCliSupport.Actuator(client, ledger, registry).ApplyAsync(request, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        while (alerts.Reader.TryRead(out var alert))
        {
            context.Error.WriteLine($"alert [{alert.Channel}/{alert.Priority}]: {alert.Message}");
        }

        if (input.Output == OutputFormat.Json)
        {
            CliJson.Write(context.Out, new ActResult(outcome.ActionId, request.ActionType, ActionsCliSupport.TargetText(actionTarget), actionTarget.Kind, outcome.State, input.DryRun, outcome.Message));
        }
        else
        {
            var verb = input.DryRun ? "dry run" : outcome.State.ToString().ToLowerInvariant();
            context.Out.WriteLine($"{verb}: {request.ActionType} {outcome.ActionId} on {actionTarget}");
            context.Out.WriteLine($"  {outcome.Message}");
        }

        return outcome.State == ActionState.Failed ? ExitCodes.Failure : ExitCodes.Ok;
    }
}
