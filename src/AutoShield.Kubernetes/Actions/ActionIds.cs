using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace AutoShield.Kubernetes.Actions;

/// <summary>Action ids: lowercase DNS labels of at most 40 characters, because they become label keys, label values and object names.</summary>
public static partial class ActionIds
{
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>A new random id such as <c>a-3f9c0d1e2b4a</c> (unique across processes, so CLI runs never collide).</summary>
    public static string New() => "a-" + RandomNumberGenerator.GetHexString(12, lowercase: true);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,38}[a-z0-9])?$")]
    private static partial Regex Pattern();
}
