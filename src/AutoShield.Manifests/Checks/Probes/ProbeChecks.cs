using AutoShield.Manifests.Model;
using AutoShield.Manifests.Yaml;

namespace AutoShield.Manifests.Checks.Probes;

/// <summary>Liveness and readiness probes, probe ports, identical probes, and probe or lifecycle hooks aimed at other hosts.</summary>
internal static class ProbeChecks
{
    private static readonly string[] ProbeFields = ["livenessProbe", "readinessProbe", "startupProbe"];

    public static readonly ICheck Liveness = MissingProbe("liveness-probe-missing", "livenessProbe", "liveness",
        "Without a liveness probe a hung container is never restarted.",
        new() { KubeLinter = "no-liveness-probe", Polaris = "livenessProbeMissing", KubeScore = "pod-probes", Checkov = "CKV_K8S_8", Kubescape = "C-0056", KubescapeRule = "configured-liveness-probe" });

    public static readonly ICheck Readiness = MissingProbe("readiness-probe-missing", "readinessProbe", "readiness",
        "Without a readiness probe traffic reaches the container before it can serve, and during its failures.",
        new() { KubeLinter = "no-readiness-probe", Polaris = "readinessProbeMissing", KubeScore = "pod-probes", Checkov = "CKV_K8S_9", Kubescape = "C-0018", KubescapeRule = "configured-readiness-probe" });

    public static readonly ICheck PortNotExposed = new ContainerCheck(
        new CheckDefinition
        {
            Id = "probe-port-not-exposed",
            Title = "Probe names a port the container does not declare",
            Severity = Severity.Medium,
            Category = "probes",
            Kinds = CheckKinds.Workloads,
            Url = Links.Probes,
            Description = "A probe uses a named port that no containerPort carries, so the probe can never succeed.",
            Remediation = "Name the container port the probe uses, or use the port number.",
            Equivalents = new() { KubeLinter = "liveness-port, readiness-port, startup-port" },
        },
        (c, sink) =>
        {
            foreach (var field in ProbeFields)
            {
                var probe = c.Node.Get(field);
                foreach (var handler in new[] { "httpGet", "tcpSocket", "grpc" })
                {
                    if (probe?.Get(handler)?.Get("port") is { } port && port.AsLong() is null && port.AsString() is { Length: > 0 } name && !HasNamedPort(c, name))
                    {
                        sink.Report(c, port, $"{c.Label} {field} uses port \"{name}\", which no containerPort names");
                    }
                }
            }
        },
        ContainerScope.Regular);

    public static readonly ICheck Identical = new ContainerCheck(
        new CheckDefinition
        {
            Id = "identical-liveness-readiness",
            Title = "Liveness and readiness probes are identical",
            Severity = Severity.Low,
            Category = "probes",
            Kinds = CheckKinds.Workloads,
            Url = Links.Probes,
            Description = "When both probes are the same, a slow dependency makes Kubernetes restart the container instead of just taking it out of rotation.",
            Remediation = "Make the liveness probe cheaper or more lenient than the readiness probe (another path, higher failureThreshold).",
            Equivalents = new() { KubeScore = "pod-probes-identical" },
        },
        (c, sink) =>
        {
            if (c.Node.Get("livenessProbe") is { IsMapping: true } live && c.Node.Get("readinessProbe") is { IsMapping: true } ready && live.ContentEquals(ready))
            {
                sink.Report(c, live, $"{c.Label} liveness and readiness probes are identical");
            }
        },
        ContainerScope.Regular);

    public static readonly ICheck HostField = new ContainerCheck(
        new CheckDefinition
        {
            Id = "probe-host-set",
            Title = "Probe or lifecycle hook targets another host",
            Severity = Severity.Medium,
            Category = "probes",
            Kinds = CheckKinds.Workloads,
            Url = Links.PodSecurityStandards,
            Description = "httpGet.host or tcpSocket.host in a probe or lifecycle hook makes the kubelet connect to an arbitrary address on the pod's behalf.",
            Remediation = "Remove the host field; probes and hooks should target the pod itself.",
            Equivalents = new() { Pss = "baseline/hostProbesAndHostLifecycle" },
        },
        (c, sink) =>
        {
            foreach (var (where, handler) in Handlers(c))
            {
                if (handler.Get("host")?.AsString() is { Length: > 0 } host)
                {
                    sink.Report(c, handler.Get("host"), $"{c.Label} {where} targets host {host}");
                }
            }
        });

    public static IEnumerable<ICheck> All() => [Liveness, Readiness, PortNotExposed, Identical, HostField];

    /// <summary>Every httpGet/tcpSocket handler of a container's probes and lifecycle hooks, with where it is.</summary>
    internal static IEnumerable<(string Where, ManifestNode Handler)> Handlers(ContainerView c)
    {
        foreach (var field in ProbeFields)
        {
            foreach (var h in HandlersOf(c.Node.Get(field)))
            {
                yield return (field, h);
            }
        }

        foreach (var hook in new[] { "postStart", "preStop" })
        {
            foreach (var h in HandlersOf(c.Node.Get("lifecycle")?.Get(hook)))
            {
                yield return ("lifecycle." + hook, h);
            }
        }
    }

    private static IEnumerable<ManifestNode> HandlersOf(ManifestNode? probe)
    {
        if (probe?.Get("httpGet") is { IsMapping: true } http)
        {
            yield return http;
        }

        if (probe?.Get("tcpSocket") is { IsMapping: true } tcp)
        {
            yield return tcp;
        }
    }

    private static bool HasNamedPort(ContainerView c, string name) =>
        c.Ports?.Items.Any(p => p.Get("name")?.AsString() == name) == true;

    private static ContainerCheck MissingProbe(string id, string field, string what, string description, CheckEquivalents equivalents) => new(
        new CheckDefinition
        {
            Id = id,
            Title = $"No {what} probe",
            Severity = Severity.Low,
            Category = "probes",
            Kinds = CheckKinds.Workloads,
            Url = Links.Probes,
            Description = description + " Jobs and CronJobs are exempt.",
            Remediation = $"Add a {field} to the container.",
            Equivalents = equivalents,
        },
        (c, sink) =>
        {
            if (!c.Pod.IsBatch && c.Node.Get(field) is not { IsMapping: true })
            {
                sink.Report(c, null, $"{c.Label} has no {what} probe");
            }
        },
        ContainerScope.Regular);
}
