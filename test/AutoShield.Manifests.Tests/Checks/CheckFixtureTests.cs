using AutoShield.Manifests.Checks;

namespace AutoShield.Manifests.Tests.Checks;

/// <summary>Every check has a fixture, and every fixture object fires exactly as its annotation says.</summary>
public sealed class CheckFixtureTests
{
    public static TheoryData<string> FixtureNames()
    {
        var data = new TheoryData<string>();
        foreach (var fixture in Fixture.All())
        {
            data.Add(fixture.Name);
        }

        return data;
    }

    [Fact]
    public void Registry_EveryCheck_HasAPrimaryFixture()
    {
        var primaries = Fixture.All().Where(f => f.IsPrimary).Select(f => f.CheckId).ToHashSet();

        var missing = CheckRegistry.BuiltIn.All.Select(c => c.Definition.Id).Where(id => !primaries.Contains(id)).Order().ToList();

        Assert.True(missing.Count == 0, "checks without a fixture in Fixtures/: " + string.Join(", ", missing));
    }

    [Fact]
    public void Fixtures_EveryFile_NamesARegisteredCheck()
    {
        var unknown = Fixture.All().Where(f => !CheckRegistry.BuiltIn.Contains(f.CheckId)).Select(f => f.Name).ToList();

        Assert.Empty(unknown);
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Scan_FixtureObjects_FireExactlyAsAnnotated(string name)
    {
        var fixture = Fixture.All().Single(f => f.Name == name);

        var report = fixture.Scan();

        Assert.Empty(report.Errors);
        var actual = report.Findings.GroupBy(f => f.Object).ToDictionary(g => g.Key, g => g.Count());
        var expectations = report.Objects.Select(o => (o.Ref, Expected: Expected(fixture, o.Ref))).ToList();
        var wrong = expectations
            .Where(e => actual.GetValueOrDefault(e.Ref) != e.Expected)
            .Select(e => $"{e.Ref}: expected {e.Expected}, got {actual.GetValueOrDefault(e.Ref)} ({string.Join("; ", report.FindingsFor(e.Ref).Select(f => f.Message))})")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.All(report.Findings, f => Assert.Equal(fixture.CheckId, f.CheckId));
        if (fixture.IsPrimary)
        {
            Assert.Contains(expectations, e => e.Expected > 0);
            Assert.Contains(expectations, e => e.Expected == 0);
        }
    }

    private static int Expected(Fixture fixture, Manifests.Model.ObjectRef obj) => fixture.Expectations().GetValueOrDefault(obj);
}
