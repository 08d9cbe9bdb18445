using AutoShield.Detection.Evaluation;

namespace AutoShield.Detection.Baselines;

/// <summary>The baseline's verdicts on the test windows, and what its run reported (library version, fit and predict seconds).</summary>
public sealed record BaselineResult(ScoredWindows Scored, IReadOnlyList<string> Classes, IReadOnlyDictionary<string, string> Info);
