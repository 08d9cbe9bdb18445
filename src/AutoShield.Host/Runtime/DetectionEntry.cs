using AutoShield.Policy.Decisions;

namespace AutoShield.Host.Runtime;

/// <summary>A detection as the API and dashboard show it: the detection, and what policy and safety made of it.</summary>
/// <param name="Elapsed">How long policy, safety and the actuator took over it.</param>
public sealed record DetectionEntry(Core.Detections.Detection Detection, IReadOnlyList<PolicyResponse> Responses, TimeSpan Elapsed);
