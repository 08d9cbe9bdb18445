namespace AutoShield.Manifests.Checks;

/// <summary>A registered check: its self-description; evaluation comes through <see cref="IObjectCheck"/> or <see cref="ICorpusCheck"/>.</summary>
public interface ICheck
{
    CheckDefinition Definition { get; }
}
