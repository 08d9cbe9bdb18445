using System.Text.RegularExpressions;

namespace AutoShield.Manifests.Checks.Secrets;

/// <summary>What a secret looks like in a name or a value.</summary>
internal static partial class SecretPatterns
{
    /// <summary>Names of variables and keys that usually carry credentials.</summary>
    [GeneratedRegex(@"(?i)(^|[_.\-])(password|passwd|pwd|secret|token|api[_\-]?key|apikey|access[_\-]?key|private[_\-]?key|credentials?|auth)($|[_.\-])")]
    public static partial Regex SensitiveName();

    /// <summary>Values that are credentials whatever the name: private keys, AWS keys, GitHub and Slack tokens.</summary>
    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----|\bAKIA[0-9A-Z]{16}\b|\bgh[pousr]_[A-Za-z0-9]{36}\b|\bxox[baprs]-[A-Za-z0-9-]{10,}")]
    public static partial Regex SecretValue();

    /// <summary>A literal that is clearly not a credential: empty, a reference, a path, a boolean or a number.</summary>
    public static bool IsHarmlessLiteral(string value)
    {
        var v = value.Trim();
        return v.Length < 4
            || v.StartsWith("$(", StringComparison.Ordinal) || v.StartsWith("${", StringComparison.Ordinal)
            || v.StartsWith('/') || v.StartsWith("file:", StringComparison.Ordinal)
            || v is "true" or "false" or "True" or "False"
            || v.All(char.IsDigit);
    }
}
