using System.CommandLine;
using AutoShield.Cli.Infrastructure;
using AutoShield.Kubernetes.Actions;
using AutoShield.Kubernetes.Client;
using AutoShield.Kubernetes.Config;
using AutoShield.Kubernetes.Ledger;

namespace AutoShield.Cli.Commands;

/// <summary>What <c>act</c> and <c>actions</c> share: finding the cluster as kubectl does, opening the ledger, building the actuator.</summary>
internal static class ActionsCliSupport
{
    public static Option<string?> Kubeconfig() => new("--kubeconfig") { Description = "Kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then the in-cluster service account)." };

    public static Option<string?> KubeContext() => new("--context") { Description = "Kubeconfig context to use instead of current-context." };

    public static Option<string?> Namespace() => new("--namespace", "-n") { Description = "Namespace of a target given without one (default: the context's)." };

    public static Option<string?> LedgerPath() => new("--ledger") { Description = "Action ledger (SQLite) file; default AUTOSHIELD_LEDGER, else $XDG_DATA_HOME/autoshield/autoshield.db, else ~/.local/share/autoshield/autoshield.db." };

    public static string ResolveLedger(string? path) => path ?? LedgerPaths.Default(Environment.GetEnvironmentVariable);

    /// <summary>The cluster connection, or null with the reason written to stderr.</summary>
    public static KubernetesConnection? Connect(CliContext context, string command, string? kubeconfig, string? kubeContext)
    {
        try
        {
            return ClusterLocator.Locate(new ClusterLocatorOptions { KubeconfigPath = kubeconfig, Context = kubeContext });
        }
        catch (KubeConfigException error)
        {
            context.Error.WriteLine($"autoshield {command}: {error.Message}");
            return null;
        }
    }

    public static KubernetesActuator Actuator(KubernetesClient client, IActionLedger ledger, ActionRegistry registry) =>
        new(client, ledger, registry, new KubernetesActuatorOptions { Instance = Environment.MachineName.ToLowerInvariant() });

    public static string TargetText(Core.Actions.ActionTarget target) => target.Namespace is null ? target.Name : $"{target.Namespace}/{target.Name}";
}
