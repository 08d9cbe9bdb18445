using AutoShield.Manifests.Model;

namespace AutoShield.Manifests.PodSecurity;

/// <summary>The allow-lists of the Pod Security Standards, with the Kubernetes minor version each entry arrived in.</summary>
public static class PssRules
{
    /// <summary>Capabilities baseline lets a container add (the container runtime's default set).</summary>
    public static IReadOnlySet<string> BaselineCapabilities { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE",
        "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    };

    /// <summary>Volume types restricted allows.</summary>
    public static IReadOnlySet<string> RestrictedVolumeTypes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret", "image",
    };

    /// <summary>Volume sources restricted forbids (what the admission controller looks for).</summary>
    public static IReadOnlyList<string> ForbiddenVolumeTypes { get; } =
    [
        "hostPath", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "nfs", "iscsi", "glusterfs", "rbd",
        "flexVolume", "cinder", "cephfs", "flocker", "fc", "azureFile", "vsphereVolume", "quobyte", "azureDisk",
        "portworxVolume", "photonPersistentDisk", "scaleIO", "storageos",
    ];

    private static readonly (string Name, int Minor)[] SafeSysctls =
    [
        ("kernel.shm_rmid_forced", 0), ("net.ipv4.ip_local_port_range", 0), ("net.ipv4.ip_unprivileged_port_start", 0),
        ("net.ipv4.tcp_syncookies", 0), ("net.ipv4.ping_group_range", 0), ("net.ipv4.ip_local_reserved_ports", 27),
        ("net.ipv4.tcp_keepalive_time", 29), ("net.ipv4.tcp_fin_timeout", 29), ("net.ipv4.tcp_keepalive_intvl", 29),
        ("net.ipv4.tcp_keepalive_probes", 29), ("net.ipv4.tcp_rmem", 32), ("net.ipv4.tcp_wmem", 32),
        ("net.ipv4.tcp_slow_start_after_idle", 37), ("net.ipv4.tcp_notsent_lowat", 37),
    ];

    /// <summary>Whether baseline allows the sysctl at <paramref name="version"/>.</summary>
    public static bool IsSafeSysctl(string name, KubernetesVersion version) =>
        SafeSysctls.Any(s => s.Name == name && version.AtLeast(1, s.Minor));

    /// <summary>Whether baseline allows the SELinux type at <paramref name="version"/> ("" and unset are allowed).</summary>
    public static bool IsAllowedSeLinuxType(string? type, KubernetesVersion version) => type switch
    {
        null or "" or "container_t" or "container_init_t" or "container_kvm_t" => true,
        "container_engine_t" => version.AtLeast(1, 31),
        _ => false,
    };
}
