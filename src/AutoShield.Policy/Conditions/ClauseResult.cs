namespace AutoShield.Policy.Conditions;

/// <summary>One leaf clause of a condition as the interpreter evaluated it: the clause, the value it saw, and the result.</summary>
public sealed record ClauseResult(string Clause, string Value, bool Result)
{
    public override string ToString() => $"{Clause} -> {(Result ? "true" : "false")} ({Value})";
}
