namespace AutoShield.Cli.Commands;

/// <summary>
/// Finds files the repository ships (config/policies, models/default) for commands run from a checkout: under the
/// current directory first, then under the repository the executable was built in.
/// </summary>
public static class RepositoryFiles
{
    /// <summary>The full path of <paramref name="relative"/>, or null when neither place has it.</summary>
    public static string? Find(string relative, string currentDirectory, string executableDirectory)
    {
        var here = Path.GetFullPath(relative, currentDirectory);
        if (File.Exists(here) || Directory.Exists(here))
        {
            return here;
        }

        if (RepositoryRoot(executableDirectory) is not { } root)
        {
            return null;
        }

        var beside = Path.Combine(root, relative);
        return File.Exists(beside) || Directory.Exists(beside) ? beside : null;
    }

    /// <summary>The checkout holding <paramref name="start"/> (the folder with the solution file), or null.</summary>
    public static string? RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AutoShield.slnx")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
