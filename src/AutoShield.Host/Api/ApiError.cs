namespace AutoShield.Host.Api;

/// <summary>The body of every error answer: one sentence saying what was wrong and what was expected.</summary>
public sealed record ApiError(string Error);
