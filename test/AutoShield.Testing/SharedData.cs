namespace AutoShield.Testing;

/// <summary>Locates the real samples in ../shared/data beside the repository.</summary>
public static class SharedData
{
    /// <summary>The repository root (the folder holding AutoShield.slnx).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>../shared/data beside the repository.</summary>
    public static string DataRoot => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    public static string Hubble(string file = "") => Path.Combine(DataRoot, "hubble", file);

    public static string Tetragon(string file = "") => Path.Combine(DataRoot, "tetragon", file);

    public static string Flows(string file = "") => Path.Combine(DataRoot, "flows", file);

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
