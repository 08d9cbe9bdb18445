namespace AutoShield.Kubernetes.Actions;

/// <summary>The type of an action parameter, which decides how its text is checked at load.</summary>
public enum ParameterKind
{
    Text,
    Integer,
    Boolean,
    Choice,
    Url,
    Cidr,
    Labels,
    Bandwidth,
    Ports,
}
