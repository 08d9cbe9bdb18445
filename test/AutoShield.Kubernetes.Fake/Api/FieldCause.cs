namespace AutoShield.Kubernetes.Fake.Api;

/// <summary>One reason an object is invalid, as the API server lists it in a 422 Status's details.causes.</summary>
public sealed record FieldCause(string Field, string Reason, string Message)
{
    public static FieldCause Required(string field) => new(field, "FieldValueRequired", "Required value");

    public static FieldCause Invalid(string field, string message) => new(field, "FieldValueInvalid", message);
}
