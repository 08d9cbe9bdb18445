namespace AutoShield.Policy.Conditions;

/// <summary>String matching operators: ordinal, case-sensitive; <see cref="Matches"/> is a .NET regular expression.</summary>
public enum StringOperator
{
    Contains,
    StartsWith,
    EndsWith,
    Matches,
}
