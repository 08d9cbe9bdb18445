using AutoShield.Manifests.Model;

namespace AutoShield.Manifests.Tests.Model;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("nginx", "docker.io", "nginx", null, null)]
    [InlineData("nginx:1.27", "docker.io", "nginx", "1.27", null)]
    [InlineData("library/nginx:latest", "docker.io", "library/nginx", "latest", null)]
    [InlineData("ghcr.io/acme/app:2", "ghcr.io", "acme/app", "2", null)]
    [InlineData("registry.local:5000/team/app", "registry.local:5000", "team/app", null, null)]
    [InlineData("localhost/app:dev", "localhost", "app", "dev", null)]
    [InlineData("nginx:1.27@sha256:abc", "docker.io", "nginx", "1.27", "sha256:abc")]
    public void Parse_References_SplitLikeTheRuntime(string image, string registry, string repository, string? tag, string? digest)
    {
        var parsed = ImageReference.Parse(image);

        Assert.Equal(new ImageReference(registry, repository, tag, digest), parsed);
    }

    [Theory]
    [InlineData("1.30", 1, 30)]
    [InlineData("v1.18", 1, 18)]
    [InlineData("1.29.3", 1, 29)]
    public void KubernetesVersion_TryParse_AcceptsCommonForms(string text, int major, int minor)
    {
        var ok = KubernetesVersion.TryParse(text, out var version);

        Assert.True(ok);
        Assert.Equal(new KubernetesVersion(major, minor), version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("one.two")]
    [InlineData("130")]
    public void KubernetesVersion_TryParse_RejectsNonsense(string text)
    {
        Assert.False(KubernetesVersion.TryParse(text, out _));
    }
}
