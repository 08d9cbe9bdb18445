namespace AutoShield.Kubernetes.Ledger;

/// <summary>
/// Where the CLI's ledger lives by default: <c>AUTOSHIELD_LEDGER</c> when set, else
/// <c>$XDG_DATA_HOME/autoshield/autoshield.db</c>, else <c>~/.local/share/autoshield/autoshield.db</c>.
/// </summary>
public static class LedgerPaths
{
    public static string Default(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment("AUTOSHIELD_LEDGER") is { Length: > 0 } explicitPath)
        {
            return explicitPath;
        }

        var dataHome = environment("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(dataHome, "autoshield", "autoshield.db");
    }
}
