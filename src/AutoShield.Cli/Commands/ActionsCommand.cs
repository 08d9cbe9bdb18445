using System.CommandLine;
using System.Globalization;
using AutoShield.Cli.Infrastructure;
using AutoShield.Core.Actions;
using AutoShield.Kubernetes.Actions;
using AutoShield.Kubernetes.Client;
using AutoShield.Kubernetes.Ledger;

namespace AutoShield.Cli.Commands;

/// <summary><c>autoshield actions list|revert|reconcile|rbac</c>: the ledger of actions, reverting one, finishing interrupted ones, and the ClusterRole they need.</summary>
public static class ActionsCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("actions", "The action ledger: list actions, revert one, reconcile after a crash, print the ClusterRole.");
        command.Subcommands.Add(BuildList(context));
        command.Subcommands.Add(BuildRevert(context));
        command.Subcommands.Add(BuildReconcile(context));
        var rbac = new Command("rbac", "Print the ClusterRole the actions need (deploy/rbac/clusterrole.yaml is this output).");
        rbac.SetAction(_ => Rbac(context));
        command.Subcommands.Add(rbac);
        return command;
    }

    public static int List(CliContext context, string? ledgerPath, OutputFormat output)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var ledger = new SqliteActionLedger(ActionsCliSupport.ResolveLedger(ledgerPath));
        var entries = ledger.ListAsync().GetAwaiter().GetResult()
            .Select(r => new ActionsListEntry(r.Id, r.ActionType, ActionsCliSupport.TargetText(r.Target), r.Target.Kind, r.State, r.Created, r.Updated, r.Expires, r.Rule, r.Effective, r.LastError))
            .ToList();
        if (output == OutputFormat.Json)
        {
            CliJson.Write(context.Out, entries);
            return ExitCodes.Ok;
        }

        context.Out.WriteLine($"{"ID",-16} {"ACTION",-19} {"TARGET",-36} {"STATE",-9} CREATED");
        foreach (var e in entries)
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.Id,-16} {e.ActionType,-19} {e.Target,-36} {e.State.ToString().ToLowerInvariant(),-9} {e.Created:yyyy-MM-dd HH:mm:ss}"));
        }

        return ExitCodes.Ok;
    }

    public static int Revert(CliContext context, string id, string? kubeconfig, string? kubeContext, string? ledgerPath, OutputFormat output)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connection = ActionsCliSupport.Connect(context, "actions revert", kubeconfig, kubeContext);
        if (connection is null)
        {
            return ExitCodes.Failure;
        }

        using var http = new HttpClient();
        using var client = new KubernetesClient(connection);
        using var ledger = new SqliteActionLedger(ActionsCliSupport.ResolveLedger(ledgerPath));
        var actuator = ActionsCliSupport.Actuator(client, ledger, ActionRegistry.CreateDefault(new QueuedAlertSink(), http));
        var outcome = actuator.RevertAsync(id, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        if (output == OutputFormat.Json)
        {
            CliJson.Write(context.Out, outcome);
        }
        else
        {
            context.Out.WriteLine($"{outcome.State.ToString().ToLowerInvariant()}: {outcome.Message}");
        }

        return outcome.State == ActionState.Reverted ? ExitCodes.Ok : ExitCodes.Failure;
    }

    public static int Reconcile(CliContext context, string? kubeconfig, string? kubeContext, string? ledgerPath, OutputFormat output)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connection = ActionsCliSupport.Connect(context, "actions reconcile", kubeconfig, kubeContext);
        if (connection is null)
        {
            return ExitCodes.Failure;
        }

        using var http = new HttpClient();
        using var client = new KubernetesClient(connection);
        using var ledger = new SqliteActionLedger(ActionsCliSupport.ResolveLedger(ledgerPath));
        var actuator = ActionsCliSupport.Actuator(client, ledger, ActionRegistry.CreateDefault(new QueuedAlertSink(), http));
        var report = actuator.ReconcileAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (output == OutputFormat.Json)
        {
            CliJson.Write(context.Out, report);
        }
        else
        {
            context.Out.WriteLine($"finished {report.Finished}, retried {report.Retried}, failed {report.Failed}, reverted {report.Reverted}, expired {report.Expired}");
        }

        return report.Failed == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }

    public static int Rbac(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var http = new HttpClient();
        context.Out.Write(ClusterRoleGenerator.Yaml(ActionRegistry.CreateDefault(new QueuedAlertSink(), http)));
        return ExitCodes.Ok;
    }

    private static Command BuildList(CliContext context)
    {
        var ledger = ActionsCliSupport.LedgerPath();
        var output = CommonOptions.Output();
        var list = new Command("list", "List the actions in the ledger, oldest first.") { ledger, output };
        list.SetAction(parse => List(context, parse.GetValue(ledger), parse.GetValue(output)));
        return list;
    }

    private static Command BuildRevert(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "Action id (from `autoshield actions list`)." };
        var (kubeconfig, kubeContext, ledger, output) = (ActionsCliSupport.Kubeconfig(), ActionsCliSupport.KubeContext(), ActionsCliSupport.LedgerPath(), CommonOptions.Output());
        var revert = new Command("revert", "Put the target back exactly as it was before the action.") { id, kubeconfig, kubeContext, ledger, output };
        revert.SetAction(parse => Revert(context, parse.GetValue(id)!, parse.GetValue(kubeconfig), parse.GetValue(kubeContext), parse.GetValue(ledger), parse.GetValue(output)));
        return revert;
    }

    private static Command BuildReconcile(CliContext context)
    {
        var (kubeconfig, kubeContext, ledger, output) = (ActionsCliSupport.Kubeconfig(), ActionsCliSupport.KubeContext(), ActionsCliSupport.LedgerPath(), CommonOptions.Output());
        var reconcile = new Command("reconcile", "Finish, retry or revert what a crash left pending, and revert actions past their TTL.") { kubeconfig, kubeContext, ledger, output };
        reconcile.SetAction(parse => Reconcile(context, parse.GetValue(kubeconfig), parse.GetValue(kubeContext), parse.GetValue(ledger), parse.GetValue(output)));
        return reconcile;
    }
}
