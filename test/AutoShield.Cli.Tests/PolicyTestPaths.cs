namespace AutoShield.Cli.Tests;

/// <summary>Finds the repository root (for config/policies) from the test's output directory.</summary>
public static class PolicyTestPaths
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AutoShield.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("AutoShield.slnx not found above " + AppContext.BaseDirectory);
    }
}
