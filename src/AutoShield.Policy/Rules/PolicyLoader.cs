using System.Security.Cryptography;
using System.Text;
using AutoShield.Policy.Conditions;

namespace AutoShield.Policy.Rules;

/// <summary>
/// Loads policy files (or every *.yaml/*.yml directly in a directory, in name order) and merges them in the order
/// given. All files are checked and every error is reported; a policy set comes back only when there are none.
/// </summary>
public sealed class PolicyLoader
{
    private readonly IFieldBinder<PolicyContext> _binder;

    public PolicyLoader(IFieldBinder<PolicyContext>? binder = null)
    {
        _binder = binder ?? DetectionFieldBinder.Default;
    }

    /// <summary>Parses one file's text; <paramref name="file"/> names it in errors.</summary>
    public PolicyFileResult LoadText(string text, string file) => PolicyFileParser.Parse(text, file, _binder);

    /// <summary>Expands directories to their YAML files, in name order; files are kept as given.</summary>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path)
                    .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(path);
            }
        }

        return files;
    }

    public PolicyLoadResult LoadFiles(IEnumerable<string> paths)
    {
        var files = ExpandPaths(paths);
        var texts = new List<(string File, string Text)>();
        var errors = new List<PolicyError>();
        foreach (var file in files)
        {
            try
            {
                texts.Add((file, File.ReadAllText(file)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors.Add(new PolicyError(file, 1, 1, $"cannot read the file: {ex.Message}"));
            }
        }

        var result = LoadTexts(texts);
        return errors.Count == 0 ? result : new PolicyLoadResult(null, [.. errors, .. result.Errors], files);
    }

    /// <summary>Parses and merges texts in order, as <see cref="LoadFiles"/> does for files.</summary>
    public PolicyLoadResult LoadTexts(IReadOnlyList<(string File, string Text)> texts)
    {
        var errors = new List<PolicyError>();
        var documents = new List<PolicyDocument>();
        foreach (var (file, text) in texts)
        {
            var parsed = LoadText(text, file);
            errors.AddRange(parsed.Errors);
            if (parsed.Document is { } document)
            {
                documents.Add(document);
            }
        }

        var names = texts.Select(t => t.File).ToArray();
        return errors.Count > 0
            ? new PolicyLoadResult(null, errors, names)
            : new PolicyLoadResult(PolicySet.Merge(documents, Version(texts)), [], names);
    }

    private static string Version(IReadOnlyList<(string File, string Text)> texts)
    {
        var all = string.Join("\u0000", texts.Select(t => t.File + "\u0000" + t.Text));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(all)))[..12];
    }
}
