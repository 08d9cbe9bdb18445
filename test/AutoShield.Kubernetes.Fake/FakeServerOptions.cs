namespace AutoShield.Kubernetes.Fake;

/// <summary>How a <see cref="FakeKubernetesServer"/> behaves: its clock, seed, history window and bookmark interval.</summary>
public sealed record FakeServerOptions
{
    /// <summary>Stamps creationTimestamp, drives bookmark timers and watch timeouts.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Seeds uids and generateName suffixes, so runs reproduce.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>How many changes watches can replay; older resourceVersions get 410 Gone.</summary>
    public int HistoryLimit { get; init; } = 1000;

    /// <summary>How often a watch that allows bookmarks gets one; null for only those sent by hand.</summary>
    public TimeSpan? BookmarkInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// True (the watch cache's way): a watch from a too-old resourceVersion gets HTTP 200 and one ERROR event with a
    /// 410 Status. False: it gets an HTTP 410 answer.
    /// </summary>
    public bool GoneAsErrorEvent { get; init; } = true;

    /// <summary>How many requests <see cref="FakeKubernetesServer.Requests"/> keeps (the older half is dropped when full).</summary>
    public int MaxLoggedRequests { get; init; } = 10_000;

    /// <summary>Namespaces that exist from the start, as in a new cluster.</summary>
    public IReadOnlyList<string> InitialNamespaces { get; init; } = ["default", "kube-system", "kube-public", "kube-node-lease"];
}
