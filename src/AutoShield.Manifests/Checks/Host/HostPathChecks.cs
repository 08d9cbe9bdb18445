using AutoShield.Manifests.Model;
using AutoShield.Manifests.PodSecurity;
using AutoShield.Manifests.Yaml;

namespace AutoShield.Manifests.Checks.Host;

/// <summary>hostPath volumes: any, writable, sensitive directories, the container runtime socket; and non-core volume types.</summary>
internal static class HostPathChecks
{
    private static readonly string[] SensitivePaths =
    [
        "/", "/boot", "/dev", "/etc", "/lib", "/lib64", "/proc", "/sys", "/usr", "/bin", "/sbin", "/root", "/home",
        "/var/lib/kubelet", "/etc/kubernetes", "/var/lib/etcd", "/var/log", "/run", "/var/run",
    ];

    private static readonly string[] SensitivePrefixes = ["/etc/kubernetes/", "/var/lib/kubelet/", "/var/lib/etcd/", "/proc/", "/sys/", "/root/", "/boot/"];

    private static readonly string[] RuntimeSockets =
    [
        "docker.sock", "containerd.sock", "crio.sock", "cri-dockerd.sock", "dockershim.sock", "podman.sock", "frakti.sock", "rktlet.sock",
    ];

    private static readonly string[] RuntimeDirectories = ["/var/run", "/run", "/var/run/docker", "/run/containerd", "/var/run/containerd", "/var/run/crio", "/run/crio", "/var/lib/docker", "/var/lib/containerd"];

    public static readonly ICheck AnyHostPath = new PodCheck(
        Definition("host-path-volume", "hostPath volume", Severity.Medium,
            "A hostPath volume exposes part of the node's filesystem to the pod.",
            "Use a PersistentVolumeClaim, emptyDir, configMap or secret instead of hostPath.",
            new() { Polaris = "hostPathSet", Trivy = "KSV-0023", Kubescape = "C-0048", KubescapeRule = "alert-any-hostpath", Pss = "baseline/hostPathVolumes" }),
        (pod, sink) =>
        {
            foreach (var (volume, hostPath, path) in HostPaths(pod))
            {
                sink.Report(pod.Object, hostPath, $"volume \"{Name(volume)}\" mounts host path {path}");
            }
        });

    public static readonly ICheck Writable = new PodCheck(
        Definition("writable-host-path", "hostPath mounted writable", Severity.High,
            "A container mounts a hostPath volume without readOnly: true and can change files on the node (persistence, escape).",
            "Set readOnly: true on the volumeMount, or stop using hostPath.",
            new() { KubeLinter = "writable-host-mount", Kubescape = "C-0045", KubescapeRule = "alert-rw-hostpath" }),
        (pod, sink) =>
        {
            foreach (var (volume, _, path) in HostPaths(pod))
            {
                var name = Name(volume);
                foreach (var c in pod.Containers)
                {
                    foreach (var mount in c.Node.Get("volumeMounts")?.Items ?? [])
                    {
                        if (mount.Get("name")?.AsString() == name && mount.Get("readOnly")?.AsBool() != true)
                        {
                            sink.Report(c, mount, $"{c.Label} mounts host path {path} writable");
                        }
                    }
                }
            }
        });

    public static readonly ICheck Sensitive = new PodCheck(
        Definition("sensitive-host-path", "Sensitive host directory mounted", Severity.High,
            "The pod mounts a host directory holding node or cluster secrets or system state (/, /etc, /proc, /var/lib/kubelet, ...).",
            "Remove the hostPath volume; read what is needed through the Kubernetes API or a narrower path.",
            new() { KubeLinter = "sensitive-host-mounts", Kubesec = "ProcMount", Trivy = "KSV-0121", Kubescape = "C-0020" }),
        (pod, sink) =>
        {
            foreach (var (_, hostPath, path) in HostPaths(pod))
            {
                var normal = Normalise(path);
                if (SensitivePaths.Contains(normal) || SensitivePrefixes.Any(p => normal.StartsWith(p, StringComparison.Ordinal)))
                {
                    sink.Report(pod.Object, hostPath.Get("path") ?? hostPath, $"host path {path} is a sensitive node directory");
                }
            }
        });

    public static readonly ICheck RuntimeSocket = new PodCheck(
        Definition("container-runtime-socket", "Container runtime socket mounted", Severity.Critical,
            "The pod mounts the container runtime's socket (Docker, containerd, CRI-O) or its directory: it can start privileged containers on the node.",
            "Remove the hostPath volume; use the Kubernetes API or a purpose-built agent instead.",
            new() { KubeLinter = "docker-sock", Kubesec = "DockerSock", Checkov = "CKV_K8S_27", Trivy = "KSV-0006", Kubescape = "C-0074", KubescapeRule = "containers-mounting-docker-socket" }),
        (pod, sink) =>
        {
            foreach (var (_, hostPath, path) in HostPaths(pod))
            {
                var normal = Normalise(path);
                if (RuntimeSockets.Any(s => normal.EndsWith("/" + s, StringComparison.Ordinal)) || RuntimeDirectories.Contains(normal))
                {
                    sink.Report(pod.Object, hostPath.Get("path") ?? hostPath, $"host path {path} gives access to the container runtime");
                }
            }
        });

    public static readonly ICheck RestrictedVolumes = new PodCheck(
        new CheckDefinition
        {
            Id = "restricted-volume-types",
            Title = "Volume type outside the restricted set",
            Severity = Severity.Low,
            Category = "host",
            Kinds = CheckKinds.Workloads,
            Url = Links.PodSecurityStandards,
            EnabledByDefault = false,
            Description = "The pod uses a volume type other than configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected, secret or image.",
            Remediation = "Reach the storage through a PersistentVolumeClaim instead of an in-line volume source.",
            Equivalents = new() { Trivy = "KSV-0028", Pss = "restricted/restrictedVolumes" },
        },
        (pod, sink) =>
        {
            foreach (var volume in pod.Volumes?.Items ?? [])
            {
                foreach (var type in PssRules.ForbiddenVolumeTypes)
                {
                    if (volume.GetKey(type) is { } key)
                    {
                        sink.Report(pod.Object, key, $"volume \"{Name(volume)}\" uses {type}");
                    }
                }
            }
        });

    public static IEnumerable<ICheck> All() => [AnyHostPath, Writable, Sensitive, RuntimeSocket, RestrictedVolumes];

    private static IEnumerable<(ManifestNode Volume, ManifestNode HostPath, string Path)> HostPaths(PodSpecView pod)
    {
        foreach (var volume in pod.Volumes?.Items ?? [])
        {
            if (volume.Get("hostPath") is { } hostPath)
            {
                yield return (volume, hostPath, hostPath.Get("path")?.AsString() ?? "");
            }
        }
    }

    private static string Name(ManifestNode volume) => volume.Get("name")?.AsString() ?? "";

    private static string Normalise(string path)
    {
        var p = path.Trim();
        while (p.Length > 1 && p.EndsWith('/'))
        {
            p = p[..^1];
        }

        return p.Replace("//", "/", StringComparison.Ordinal);
    }

    private static CheckDefinition Definition(string id, string title, Severity severity, string description, string remediation, CheckEquivalents equivalents) => new()
    {
        Id = id,
        Title = title,
        Severity = severity,
        Category = "host",
        Kinds = CheckKinds.Workloads,
        Url = Links.Volumes,
        Description = description,
        Remediation = remediation,
        Equivalents = equivalents,
    };
}
