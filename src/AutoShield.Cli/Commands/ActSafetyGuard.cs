using AutoShield.Core.Actions;
using AutoShield.Kubernetes.Actions;
using AutoShield.Policy.Rules;
using AutoShield.Policy.Safety;

namespace AutoShield.Cli.Commands;

/// <summary>
/// The safety controller in front of a person's <c>autoshield act</c>: protected namespaces (kube-system and
/// autoshield-system always), protected labels (<c>autoshield.io/protected=true</c> on the target), the kill switch
/// (environment <c>AUTOSHIELD_KILL_SWITCH</c>). A person's act is explicit intent, so the automatic loop's budgets
/// and workload-share limit do not apply to it; the reason of any refusal is printed.
/// </summary>
public sealed class ActSafetyGuard : IActionGuard
{
    public const string KillSwitchVariable = "AUTOSHIELD_KILL_SWITCH";

    private readonly SafetyController _controller;
    private readonly ProtectedNamespaceGuard _namespaces;

    public ActSafetyGuard(IEnumerable<string>? protectedNamespaces = null, string? killSwitchReason = null)
    {
        var options = new SafetyOptions
        {
            ProtectedNamespaces = [.. protectedNamespaces ?? []],
            MaxWorkloadShare = 1.0,
            RefuseUnknownWorkloadSize = false,
            DefaultTtl = null,
        };
        _namespaces = new ProtectedNamespaceGuard(options.ProtectedNamespaces);
        _controller = new SafetyController(new DryRunActuator(), options);
        if (!string.IsNullOrWhiteSpace(killSwitchReason))
        {
            _controller.EngageKillSwitch(killSwitchReason);
        }
    }

    /// <summary>The guard as the CLI runs it: the kill switch from the environment.</summary>
    public static ActSafetyGuard FromEnvironment() =>
        new(killSwitchReason: Environment.GetEnvironmentVariable(KillSwitchVariable) is { Length: > 0 } value && value != "0"
            ? $"{KillSwitchVariable}={value}"
            : null);

    public string? Refuse(ActionRequest request) =>
        _namespaces.Refuse(request)
        ?? (_controller.Preview(request, Severity.High, out var message) is { } reason ? $"{reason}: {message}" : null);
}
