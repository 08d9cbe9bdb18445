namespace AutoShield.Policy.Rules;

/// <summary>
/// Which side of a detection a rule acts on. Auto picks the source when it is a pod or workload of the cluster (the
/// attacker inside), else the destination (the victim of an attack from outside, such as a SYN flood from the internet).
/// </summary>
public enum TargetSide
{
    Auto,
    Source,
    Destination,
}
