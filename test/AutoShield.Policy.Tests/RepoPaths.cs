namespace AutoShield.Policy.Tests;

/// <summary>Finds files of the repository (config/policies) from the test's output directory.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Policies(params string[] parts) => Path.Combine([Root, "config", "policies", .. parts]);

    public static string Example(string name) => Policies("examples", name);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AutoShield.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("AutoShield.slnx not found above " + AppContext.BaseDirectory);
    }
}
