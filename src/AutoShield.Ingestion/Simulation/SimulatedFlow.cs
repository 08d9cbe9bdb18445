using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Simulation;

/// <summary>One simulated Hubble event: the flow event and the Hubble fields it has no place for.</summary>
public readonly record struct SimulatedFlow(FlowEvent Flow, HubbleFlowDetails Details);
