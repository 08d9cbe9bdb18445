using AutoShield.Policy.Safety;

namespace AutoShield.Policy.Decisions;

/// <summary>A decision and what the safety controller made of each of its actions.</summary>
public sealed record PolicyResponse(Decision Decision, IReadOnlyList<SafetyVerdict> Verdicts);
