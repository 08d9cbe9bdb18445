using AutoShield.Manifests.Input;

namespace AutoShield.Manifests.Tests.Scanning;

public sealed class ManifestSourcesTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "autoshield-sources-" + Guid.NewGuid().ToString("N"));

    public ManifestSourcesTests() => Directory.CreateDirectory(Path.Combine(_dir, "nested"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Collect_DirectoryAndStdin_ReadsManifestFilesInOrder()
    {
        File.WriteAllText(Path.Combine(_dir, "b.yaml"), "b: 1");
        File.WriteAllText(Path.Combine(_dir, "a.yml"), "a: 1");
        File.WriteAllText(Path.Combine(_dir, "nested", "c.json"), "{}");
        File.WriteAllText(Path.Combine(_dir, "README.md"), "# not a manifest");
        var problems = new List<string>();

        var inputs = ManifestSources.Collect([_dir, "-"], () => new MemoryStream("x: 1"u8.ToArray()), 1024, problems);

        Assert.Empty(problems);
        Assert.Equal(["a.yml", "b.yaml", "c.json", ManifestSources.StdinName], inputs.Select(i => Path.GetFileName(i.Source)));
    }

    [Fact]
    public void Collect_MissingPath_IsAProblemNotAnException()
    {
        var problems = new List<string>();

        var inputs = ManifestSources.Collect([Path.Combine(_dir, "nope.yaml")], () => Stream.Null, 1024, problems);

        Assert.Empty(inputs);
        Assert.Contains("no such file or directory", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void FromStream_OversizedInput_StopsReadingJustPastTheLimit()
    {
        var input = ManifestInput.FromStream("big", new MemoryStream(new byte[1_000_000]), maxBytes: 10);

        Assert.InRange(input.Content.Length, 11, 81920);
    }
}
