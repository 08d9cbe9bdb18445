using AutoShield.Core.Actions;
using AutoShield.Policy.Rules;

namespace AutoShield.Policy.Safety;

/// <summary>An action waiting for a person; it expires unapproved after <see cref="SafetyOptions.ApprovalTimeout"/>.</summary>
public sealed record PendingApproval(string Id, ActionRequest Request, Severity Severity, DateTimeOffset Requested, DateTimeOffset Expires);
