using AutoShield.Core.Actions;

namespace AutoShield.Kubernetes.Effects;

/// <summary>Whether an action stopped the attack, how many detections followed it, and the escalation asked for when it did not.</summary>
public sealed record EffectVerdict(string ActionId, bool Effective, int DetectionsAfter, ActionRequest? Escalation);
