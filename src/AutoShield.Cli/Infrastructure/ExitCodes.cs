namespace AutoShield.Cli.Infrastructure;

/// <summary>Process exit codes, the same for every command.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command could not do its work (an input missing, an unreadable file).</summary>
    public const int Failure = 1;

    /// <summary>Bad arguments; System.CommandLine also uses 1 for parse errors, so we keep 2 for our own checks.</summary>
    public const int Usage = 2;

    /// <summary>The work was done, but the input had malformed records and <c>--strict</c> was given.</summary>
    public const int InputErrors = 3;
}
