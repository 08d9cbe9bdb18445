namespace AutoShield.Cli.Commands;

/// <summary>
/// Finds the model <c>autoshield detect</c> loads: the <c>--model</c> directory as given, else
/// <c>models/default</c> under the current directory, else under the repository the executable was built in.
/// </summary>
public static class DetectModelLocator
{
    public const string DefaultDirectory = "models/default";

    public const string ManifestFile = "model.json";

    /// <summary>The directory to load, and every place looked at (for the error message when none holds a model).</summary>
    public static (string? Directory, IReadOnlyList<string> Tried) Locate(string? requested, string currentDirectory, string executableDirectory)
    {
        if (requested is not null)
        {
            var full = Path.GetFullPath(requested, currentDirectory);
            return (HasModel(full) ? full : null, [full]);
        }

        var tried = new List<string> { Path.GetFullPath(DefaultDirectory, currentDirectory) };
        if (RepositoryFiles.RepositoryRoot(executableDirectory) is { } root)
        {
            var beside = Path.GetFullPath(DefaultDirectory, root);
            if (!tried.Contains(beside, StringComparer.Ordinal))
            {
                tried.Add(beside);
            }
        }

        return (tried.FirstOrDefault(HasModel), tried);
    }

    private static bool HasModel(string directory) => File.Exists(Path.Combine(directory, ManifestFile));
}
