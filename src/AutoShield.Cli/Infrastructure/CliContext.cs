namespace AutoShield.Cli.Infrastructure;

/// <summary>The process's streams, passed to every command so tests can run commands in-process.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, Stream? Input = null, bool Interactive = false)
{
    /// <summary>A context on the real console; progress bars only when stderr is a terminal.</summary>
    public static CliContext FromConsole() => new(Console.Out, Console.Error, null, !Console.IsErrorRedirected);
}
