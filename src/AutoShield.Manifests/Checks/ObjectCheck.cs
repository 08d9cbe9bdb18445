using AutoShield.Manifests.Model;

namespace AutoShield.Manifests.Checks;

/// <summary>
/// A check given as a definition and a delegate over the object's fields. Built-in checks on non-pod kinds use it,
/// and it is the extension point for custom checks: a predicate compiled from a condition language (issue #4) or
/// written in C# becomes a check by wrapping it here and adding it to a <see cref="CheckRegistry"/>.
/// </summary>
public sealed class ObjectCheck(CheckDefinition definition, Action<ManifestObject, FindingSink> evaluate) : IObjectCheck
{
    public CheckDefinition Definition { get; } = definition;

    public void Evaluate(ManifestObject obj, FindingSink sink) => evaluate(obj, sink);
}
