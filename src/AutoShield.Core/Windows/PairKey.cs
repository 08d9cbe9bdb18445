namespace AutoShield.Core.Windows;

/// <summary>A pair: the initiator of connections and the endpoint it talks to.</summary>
public readonly record struct PairKey(EndpointIdentity Source, EndpointIdentity Destination)
{
    public override string ToString() => $"{Source} -> {Destination}";
}
