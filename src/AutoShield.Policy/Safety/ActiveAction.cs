using AutoShield.Core.Actions;
using AutoShield.Policy.Rules;

namespace AutoShield.Policy.Safety;

/// <summary>A cluster-changing action in force (or in flight), counted by blast-radius limits until it is reverted.</summary>
public sealed record ActiveAction(ActionRequest Request, Severity Severity, DateTimeOffset Applied, DateTimeOffset? Expires, bool DryRun);
