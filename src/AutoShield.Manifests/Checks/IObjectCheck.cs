using AutoShield.Manifests.Model;

namespace AutoShield.Manifests.Checks;

/// <summary>A check that looks at one object at a time (most checks).</summary>
public interface IObjectCheck : ICheck
{
    void Evaluate(ManifestObject obj, FindingSink sink);
}
