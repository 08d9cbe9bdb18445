namespace AutoShield.Kubernetes.Client;

/// <summary>Filters and paging of a list: label and field selectors, page size and continue token, resourceVersion.</summary>
public sealed record ListOptions
{
    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    public int? Limit { get; init; }

    public string? Continue { get; init; }

    public string? ResourceVersion { get; init; }
}
