namespace AutoShield.Manifests.Checks;

/// <summary>Which set a check belongs to: AutoShield's own checks, or the Pod Security Standards levels.</summary>
public enum CheckProfile
{
    Default,
    PssBaseline,
    PssRestricted,
}
