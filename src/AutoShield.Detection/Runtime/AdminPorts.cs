namespace AutoShield.Detection.Runtime;

/// <summary>
/// Ports that give remote control of a host or the cluster: what lateral movement reaches for once inside, and what
/// ordinary workloads rarely connect to across many peers.
/// </summary>
public static class AdminPorts
{
    /// <summary>
    /// ssh 22, telnet 23, RPC/SMB 135/139/445, RDP 3389, VNC 5900, WinRM 5985/5986, Docker 2375/2376, etcd 2379/2380,
    /// the Kubernetes API server 6443, kubelet 10250 and its read-only port 10255.
    /// </summary>
    public static IReadOnlyList<int> Default { get; } = [22, 23, 135, 139, 445, 2375, 2376, 2379, 2380, 3389, 5900, 5985, 5986, 6443, 10250, 10255];
}
