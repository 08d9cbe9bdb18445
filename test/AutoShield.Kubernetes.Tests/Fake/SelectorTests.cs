using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Fake.Selectors;

namespace AutoShield.Kubernetes.Tests.Fake;

public sealed class SelectorTests
{
    [Theory]
    [InlineData("app=web", true)]
    [InlineData("app==web", true)]
    [InlineData("app!=web", false)]
    [InlineData("app in (web, api)", true)]
    [InlineData("app notin (web)", false)]
    [InlineData("tier", true)]
    [InlineData("!tier", false)]
    [InlineData("!missing,app=web,tier in (front)", true)]
    [InlineData("missing!=x", true)]
    [InlineData("missing in (x)", false)]
    public void LabelSelector_Expressions_MatchAsKubernetes(string selector, bool expected)
    {
        var labels = JsonNode.Parse("""{"app":"web","tier":"front"}""")!.AsObject();

        var parsed = LabelSelector.TryParse(selector, out var error);

        Assert.Equal("", error);
        Assert.Equal(expected, parsed!.Matches(labels));
    }

    [Theory]
    [InlineData("app in web")]
    [InlineData("app=(x)")]
    [InlineData("=web")]
    [InlineData("bad key=v")]
    public void LabelSelector_Malformed_ReturnsNullWithReason(string selector)
    {
        Assert.Null(LabelSelector.TryParse(selector, out var error));
        Assert.NotEqual("", error);
    }

    [Fact]
    public void FieldSelector_PodFields_MatchAndRejectUnsupported()
    {
        var pod = JsonNode.Parse("""{"metadata":{"name":"p","namespace":"ns"},"spec":{"nodeName":"n1"},"status":{"podIP":"10.0.0.1"}}""")!.AsObject();
        string[] selectable = ["spec.nodeName", "status.podIP"];

        Assert.True(FieldSelector.TryParse("metadata.name=p,status.podIP=10.0.0.1", selectable, out _)!.Matches(pod));
        Assert.False(FieldSelector.TryParse("spec.nodeName!=n1", selectable, out _)!.Matches(pod));
        Assert.Null(FieldSelector.TryParse("spec.hostname=x", selectable, out var error));
        Assert.Equal("field label not supported: spec.hostname", error);
    }
}
