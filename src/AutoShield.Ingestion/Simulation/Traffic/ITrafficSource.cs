namespace AutoShield.Ingestion.Simulation.Traffic;

/// <summary>A generator of traffic: it puts its first actions on the context's agenda, and they schedule the rest.</summary>
internal interface ITrafficSource
{
    void Start(SimContext context);
}
