namespace AutoShield.Manifests.Input;

/// <summary>
/// Expands command-line paths into inputs: files as given, directories recursively (<c>*.yaml</c>, <c>*.yml</c>,
/// <c>*.json</c>, in ordinal order so reports are stable), and <c>-</c> for standard input.
/// </summary>
public static class ManifestSources
{
    public const string StdinName = "<stdin>";

    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>
    /// The inputs for <paramref name="paths"/>; a path that does not exist or cannot be read becomes an entry in
    /// <paramref name="problems"/> rather than an exception.
    /// </summary>
    public static List<ManifestInput> Collect(IEnumerable<string> paths, Func<Stream> openStdin, long maxBytes, List<string> problems)
    {
        var inputs = new List<ManifestInput>();
        foreach (var path in paths)
        {
            try
            {
                if (path == "-")
                {
                    using var stdin = openStdin();
                    inputs.Add(ManifestInput.FromStream(StdinName, stdin, maxBytes));
                }
                else if (Directory.Exists(path))
                {
                    var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                        .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                        .Order(StringComparer.Ordinal);
                    inputs.AddRange(files.Select(f => ManifestInput.FromFile(f, maxBytes)));
                }
                else if (File.Exists(path))
                {
                    inputs.Add(ManifestInput.FromFile(path, maxBytes));
                }
                else
                {
                    problems.Add($"{path}: no such file or directory");
                }
            }
            catch (IOException ex)
            {
                problems.Add($"{path}: {ex.Message}");
            }
            catch (UnauthorizedAccessException ex)
            {
                problems.Add($"{path}: {ex.Message}");
            }
        }

        return inputs;
    }
}
