namespace AutoShield.Policy.Conditions;

/// <summary>The value type of a field, checked against literals when a condition compiles.</summary>
public enum FieldType
{
    Number,
    String,
}
