using AutoShield.Ingestion.Sources;

namespace AutoShield.Cli.Infrastructure;

/// <summary>Opens the input files of a command, reporting a missing or unreadable file as a one-line error.</summary>
public static class InputFiles
{
    public static bool TryOpen(CliContext context, IReadOnlyList<string> files, FlowSourceKind? kind, out List<OpenedSource> sources)
    {
        sources = [];
        foreach (var file in files)
        {
            try
            {
                sources.Add(FlowSourceFactory.Open(file, kind, null, context.Input));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                context.Error.WriteLine($"autoshield: {file}: {ex.Message}");
                foreach (var opened in sources)
                {
                    opened.Dispose();
                }

                sources = [];
                return false;
            }
        }

        return true;
    }
}
