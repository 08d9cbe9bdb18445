using AutoShield.Cli.Infrastructure;

namespace AutoShield.Cli.Commands;

/// <summary>The arguments of <c>autoshield act</c>.</summary>
public sealed record ActInput(
    string ActionType,
    string Target,
    IReadOnlyList<string> Set,
    bool DryRun,
    string? Ttl,
    string? Kubeconfig,
    string? KubeContext,
    string? Namespace,
    string? Ledger,
    OutputFormat Output);
