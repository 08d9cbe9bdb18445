namespace AutoShield.Ingestion.Hubble;

/// <summary>Numbers of flow.proto's <c>FlowType</c> (the flow's <c>Type</c> field).</summary>
internal static class HubbleFlowType
{
    public const int Unknown = 0;
    public const int L3L4 = 1;
    public const int L7 = 2;
    public const int Sock = 3;
}
