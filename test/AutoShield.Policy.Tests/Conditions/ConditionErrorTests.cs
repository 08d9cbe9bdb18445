using AutoShield.Policy.Conditions;
using AutoShield.Policy.Rules;

namespace AutoShield.Policy.Tests.Conditions;

public sealed class ConditionErrorTests
{
    [Theory]
    [InlineData("", 1, "empty")]
    [InlineData("features.bytes_sent >", 22, "expected a number or a string")]
    [InlineData("features.bytes_sent > 1 AND", 28, "ends too early")]
    [InlineData("(features.bytes_sent > 1", 25, "')' to close")]
    [InlineData("features.bytes_sent 5", 21, "expected an operator")]
    [InlineData("features.bytes_sent > 1 features.syn_count > 2", 25, "expected AND, OR")]
    [InlineData("features.bytes_sent > 1 # note", 25, "unexpected character '#'")]
    [InlineData("source.pod == 'web", 15, "no closing '")]
    [InlineData("features.bytes_sent > 12abc", 25, "after the number")]
    [InlineData("time.hour between 9 17", 21, "'and' between the two bounds")]
    [InlineData("source.pod in 'a'", 15, "expected a list")]
    [InlineData("source.pod not exists", 16, "after 'not'")]
    [InlineData("features.bytes > 1", 1, "unknown feature 'bytes'")]
    [InlineData("feature.bytes_sent > 1", 1, "fields start with features.")]
    [InlineData("source.podname == 'x'", 1, "source has namespace")]
    [InlineData("detection.score > 1", 1, "detection has class")]
    [InlineData("time.day == 1", 1, "time has hour")]
    [InlineData("features.syn_count == 'lots'", 23, "is a number; 'lots' is a string")]
    [InlineData("source.pod > 'a'", 14, "is a string: use ==")]
    [InlineData("source.pod between 1 and 2", 1, "between needs a number field")]
    [InlineData("features.syn_count contains 'a'", 1, "contains needs a string field")]
    [InlineData("time.hour between 17 and 9", 19, "low bound is above the high bound")]
    [InlineData("time.weekday == someday", 17, "'someday' is a string")]
    [InlineData("source.pod matches '(a'", 20, "not a supported regular expression")]
    [InlineData("features.syn_count > 1 AND\n  features.nope > 2", 3, "unknown feature 'nope'")]
    public void Compile_InvalidCondition_ReportsColumnAndReason(string text, int column, string message)
    {
        var ok = ConditionCompiler<PolicyContext>.TryCompile(text, DetectionFieldBinder.Default, out var compiled, out var error);

        Assert.False(ok);
        Assert.Null(compiled);
        Assert.Equal(column, error!.Column);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_SecondLineError_ReportsLineTwo()
    {
        ConditionCompiler<PolicyContext>.TryCompile("features.syn_count > 1 AND\n  features.nope > 2", DetectionFieldBinder.Default, out _, out var error);

        Assert.Equal((2, 3), (error!.Line, error.Column));
    }
}
