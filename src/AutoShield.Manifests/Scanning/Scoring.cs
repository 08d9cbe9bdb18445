using AutoShield.Manifests.Checks;

namespace AutoShield.Manifests.Scanning;

/// <summary>
/// Scores: 100 minus a penalty per distinct failing check (so ten containers do not count ten times), and no
/// points for hardening that could offset a critical finding (kubesec#471). Grades bucket the score.
/// </summary>
public static class Scoring
{
    public static int Penalty(Severity severity) => severity switch
    {
        Severity.Critical => 40,
        Severity.High => 20,
        Severity.Medium => 8,
        Severity.Low => 3,
        _ => 0,
    };

    public static int Score(IEnumerable<CheckDefinition> failingChecks) =>
        Math.Max(0, 100 - failingChecks.DistinctBy(c => c.Id).Sum(c => Penalty(c.Severity)));

    public static string Grade(int score) => score switch
    {
        >= 90 => "A",
        >= 80 => "B",
        >= 70 => "C",
        >= 60 => "D",
        _ => "F",
    };
}
