using AutoShield.Manifests.Checks;
using AutoShield.Manifests.Model;

namespace AutoShield.Manifests.Scanning;

/// <summary>One scanner result: which check fired, on which object (and container), and exactly where in which file.</summary>
public sealed record Finding(CheckDefinition Check, string Message, string Source, int Line, int Column, ObjectRef Object, string? Container)
{
    /// <summary>
    /// Where in the object, e.g. <c>spec.template.spec.containers[0].securityContext.privileged</c>; null when the
    /// finding is about the object as a whole. Text, not the node, so a finding does not keep the parsed tree alive.
    /// </summary>
    public string? FieldPath { get; init; }

    public string CheckId => Check.Id;

    public Severity Severity => Check.Severity;

    public string Remediation => Check.Remediation;

    public CheckEquivalents Equivalents => Check.Equivalents;

    /// <summary>The Helm template that rendered the object, when the input was rendered Helm output.</summary>
    public string? TemplateSource { get; init; }

    public override string ToString() => $"{Source}:{Line}:{Column}: {Severity.ToString().ToUpperInvariant()} {CheckId} {Object}: {Message}";
}
