namespace AutoShield.Manifests.Checks;

/// <summary>Which set a check belongs to: AutoShield's own checks, the Pod Security Standards levels, or the user's.</summary>
public enum CheckProfile
{
    Default,
    PssBaseline,
    PssRestricted,

    /// <summary>A check from the scan config's <c>customChecks:</c>; it runs beside whichever built-in set is chosen.</summary>
    Custom,
}
