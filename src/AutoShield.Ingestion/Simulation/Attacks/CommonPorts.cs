namespace AutoShield.Ingestion.Simulation.Attacks;

/// <summary>Ports scanners try first (roughly nmap's most frequently open ports) plus the cluster's usual ones.</summary>
internal static class CommonPorts
{
    public static readonly ushort[] Tcp =
    [
        80, 23, 443, 21, 22, 25, 3389, 110, 445, 139, 143, 53, 135, 3306, 8080, 1723, 111, 995, 993, 5900, 1025, 587, 8888,
        199, 1720, 465, 548, 113, 81, 6001, 10000, 514, 5060, 179, 1026, 2000, 8443, 8000, 32768, 554, 26, 1433, 49152,
        2001, 515, 8008, 49154, 1027, 5666, 646, 5000, 5631, 631, 49153, 8081, 2049, 88, 79, 5800, 106, 2121, 1110, 49155,
        6000, 513, 990, 5357, 427, 49156, 543, 544, 5101, 144, 7, 389, 8009, 3128, 444, 9999, 5009, 7070, 5190, 3000,
        5432, 1900, 3986, 13, 1029, 9, 5051, 6646, 49157, 1028, 873, 1755, 2717, 4899, 9100, 119, 37, 6379, 9090, 10250,
        2379, 27017, 9200, 11211, 5672, 8086, 9153, 10254, 6443, 9187, 9121,
    ];

    public static readonly ushort[] Udp = [53, 67, 69, 123, 137, 161, 500, 514, 1900, 5353, 11211];

    /// <summary>Services an intruder looks for once inside: ssh, databases, caches, kubelet, API server, etcd, admin UIs.</summary>
    public static readonly ushort[] Lateral = [22, 6379, 5432, 3306, 27017, 9200, 2379, 8080, 9090, 3000, 8000, 10250, 10255, 6443];

    /// <summary><paramref name="count"/> distinct ports: the common ones first, then random ones.</summary>
    public static List<ushort> Pick(int count, Random random)
    {
        var ports = new List<ushort>(count);
        var seen = new HashSet<ushort>();
        foreach (var port in Tcp)
        {
            if (ports.Count == count)
            {
                break;
            }

            if (seen.Add(port))
            {
                ports.Add(port);
            }
        }

        while (ports.Count < count)
        {
            var port = (ushort)random.Next(1, 65536);
            if (seen.Add(port))
            {
                ports.Add(port);
            }
        }

        return random.Shuffled(ports);
    }
}
