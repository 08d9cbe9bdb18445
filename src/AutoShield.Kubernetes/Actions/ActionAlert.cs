using AutoShield.Core.Actions;

namespace AutoShield.Kubernetes.Actions;

/// <summary>An alert an <c>alert_only</c> action raises (or withdraws, when reverted), for the alert outputs to deliver.</summary>
public sealed record ActionAlert(string ActionId, string Rule, ActionTarget Target, string Channel, string Priority, string Message, DateTimeOffset Time, bool Withdrawn);
