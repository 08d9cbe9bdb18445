using AutoShield.Manifests.Checks;
using AutoShield.Manifests.Model;
using AutoShield.Manifests.PodSecurity;
using AutoShield.Manifests.Scanning;
using AutoShield.Manifests.Yaml;

namespace AutoShield.Manifests.Tests.Checks;

/// <summary>
/// One fixture file: <c>Fixtures/&lt;check-id&gt;[@variant].yaml</c> holding firing and non-firing objects, each
/// firing object annotated <c>fixture.autoshield.io/expect: "&lt;findings&gt;"</c>; an optional
/// <c>&lt;name&gt;.config.yaml</c> beside it holds scanner config (a Kubernetes version, trusted registries).
/// </summary>
internal sealed record Fixture(string Name, string CheckId, string Path)
{
    public const string ExpectAnnotation = "fixture.autoshield.io/expect";

    public static string Directory => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public bool IsPrimary => !Name.Contains('@', StringComparison.Ordinal);

    public static IEnumerable<Fixture> All() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.yaml")
            .Where(p => !p.EndsWith(".config.yaml", StringComparison.Ordinal))
            .Select(p =>
            {
                var name = System.IO.Path.GetFileNameWithoutExtension(p);
                return new Fixture(name, name.Split('@')[0], p);
            })
            .OrderBy(f => f.Name, StringComparer.Ordinal);

    /// <summary>Scans the fixture with only its check enabled (PSS checks under the restricted profile).</summary>
    public ScanReport Scan()
    {
        var options = new ScanOptions { OnlyChecks = new HashSet<string> { CheckId } };
        if (CheckRegistry.BuiltIn.TryGet(CheckId, out var check) && check.Definition.Profile != CheckProfile.Default)
        {
            options = options with { Pss = PssLevel.Restricted };
        }

        var configPath = System.IO.Path.ChangeExtension(Path, ".config.yaml");
        if (File.Exists(configPath))
        {
            var problems = new List<string>();
            options = ScanConfig.Load(File.ReadAllText(configPath), configPath, options, problems);
            Assert.Empty(problems);
        }

        return ManifestScanner.Scan([Input.ManifestInput.FromFile(Path)], options);
    }

    /// <summary>Findings expected per object, from the objects' fixture annotations (absent means none).</summary>
    public Dictionary<ObjectRef, int> Expectations()
    {
        var documents = new List<YamlDocument>();
        YamlTreeReader.Read(File.ReadAllText(Path), Path, ManifestLimits.Default, documents, e => Assert.Fail(e.ToString()));
        var objects = new List<ManifestObject>();
        foreach (var document in documents)
        {
            ObjectReader.Read(Path, document, WorkloadKinds.Default, objects, e => Assert.Fail(e.ToString()));
        }

        return objects.ToDictionary(o => o.Ref, o => int.Parse(o.Annotation(ExpectAnnotation) ?? "0", System.Globalization.CultureInfo.InvariantCulture));
    }

    public override string ToString() => Name;
}
