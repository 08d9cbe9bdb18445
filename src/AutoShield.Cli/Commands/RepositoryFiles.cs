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

        for (var dir = new DirectoryInfo(executableDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AutoShield.slnx")))
            {
                var beside = Path.Combine(dir.FullName, relative);
                return File.Exists(beside) || Directory.Exists(beside) ? beside : null;
            }
        }

        return null;
    }
}
