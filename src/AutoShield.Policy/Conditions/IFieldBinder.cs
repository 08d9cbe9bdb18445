using System.Diagnostics.CodeAnalysis;

namespace AutoShield.Policy.Conditions;

/// <summary>
/// Maps a field path of the condition language to a reader over <typeparamref name="TContext"/>, so the same
/// language compiles over detections (policies) or other records (the manifest scanner's custom checks).
/// </summary>
public interface IFieldBinder<TContext>
{
    /// <summary>Resolves <paramref name="path"/>; on false, <paramref name="error"/> says what fields exist.</summary>
    bool TryBind(string path, [NotNullWhen(true)] out FieldAccessor<TContext>? accessor, [NotNullWhen(false)] out string? error);
}
