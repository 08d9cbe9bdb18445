namespace AutoShield.Manifests.Checks.Networking;

/// <summary>Service exposure, Ingress TLS, container ports and ingress-nginx snippets.</summary>
internal static class ServiceChecks
{
    public static readonly ICheck NodePort = ServiceType("service-nodeport", "NodePort", Severity.Low,
        "A NodePort Service opens the port on every node's address, usually reachable from outside the cluster.",
        new() { KubeLinter = "exposed-services", KubeScore = "service-type", Kubescape = "C-0256" });

    public static readonly ICheck LoadBalancer = ServiceType("service-loadbalancer", "LoadBalancer", Severity.Low,
        "A LoadBalancer Service asks the cloud for a public address in front of the pods.",
        new() { KubeLinter = "exposed-services", Kubescape = "C-0256" });

    public static readonly ICheck ExternalIps = new ObjectCheck(
        Definition("service-external-ips", "Service with externalIPs", Severity.High, CheckKinds.Services, Links.Services,
            "externalIPs make kube-proxy route traffic for arbitrary addresses to the Service; anyone able to create Services can intercept traffic (CVE-2020-8554).",
            "Remove spec.externalIPs; use a LoadBalancer or Ingress, and deny externalIPs with an admission policy.",
            new() { Trivy = "KSV-0108" }),
        (obj, sink) =>
        {
            if (obj.Spec?.Get("externalIPs") is { Count: > 0 } ips)
            {
                sink.Report(obj, ips, "Service sets externalIPs");
            }
        });

    public static readonly ICheck IngressTls = new ObjectCheck(
        Definition("ingress-without-tls", "Ingress without TLS", Severity.Medium, CheckKinds.Ingresses, Links.Ingress,
            "The Ingress serves plain HTTP: credentials and session cookies cross the network in clear text.",
            "Add spec.tls with a certificate Secret for the hosts (cert-manager can issue it).",
            new() { Polaris = "tlsSettingsMissing", Kubescape = "C-0263" }),
        (obj, sink) =>
        {
            if (obj.Spec?.Get("tls") is not { Count: > 0 })
            {
                sink.Report(obj, obj.Spec, "Ingress has no TLS section");
            }
        });

    public static readonly ICheck NginxSnippets = new ObjectCheck(
        Definition("ingress-nginx-snippet", "ingress-nginx snippet annotation", Severity.High, CheckKinds.Ingresses, Links.IngressNginxSnippets,
            "Snippet annotations inject raw nginx configuration; with them anyone who can edit an Ingress can read every Secret the controller sees (CVE-2021-25742).",
            "Remove the snippet annotation and set allow-snippet-annotations: false on the controller.",
            new() { Checkov = "CKV_K8S_152, CKV_K8S_153, CKV_K8S_154", Kubescape = "C-0059", KubescapeRule = "nginx-ingress-snippet-annotation-vulnerability" }),
        (obj, sink) =>
        {
            if (obj.Annotations is not { IsMapping: true } annotations)
            {
                return;
            }

            for (var i = 0; i < annotations.Count; i++)
            {
                var key = annotations.KeyAt(i).Value ?? "";
                if (key.StartsWith("nginx.ingress.kubernetes.io/", StringComparison.Ordinal) && key.EndsWith("snippet", StringComparison.Ordinal))
                {
                    sink.Report(obj, annotations.KeyAt(i), $"Ingress uses the {key} annotation");
                }
            }
        });

    public static readonly ICheck SshPort = new ContainerCheck(
        Definition("ssh-port", "Container exposes SSH", Severity.Low, CheckKinds.Workloads, Links.Services,
            "A container port 22 (or 2222) suggests an SSH server inside the container: a remote shell that bypasses kubectl exec auditing.",
            "Remove the SSH server from the image; use kubectl exec or ephemeral containers.",
            new() { KubeLinter = "ssh-port", Kubescape = "C-0042", KubescapeRule = "rule-can-ssh-to-pod" }),
        (c, sink) =>
        {
            foreach (var port in c.Ports?.Items ?? [])
            {
                if (port.Get("containerPort") is { } p && p.AsLong() is 22 or 2222)
                {
                    sink.Report(c, p, $"{c.Label} exposes port {p.Value}");
                }
            }
        });

    public static readonly ICheck PrivilegedPort = new ContainerCheck(
        Definition("privileged-port", "Container port below 1024", Severity.Low, CheckKinds.Workloads, Links.Services,
            "Binding a port below 1024 needs root or NET_BIND_SERVICE inside the container.",
            "Listen on a port of 1024 or more and map it in the Service.",
            new() { KubeLinter = "privileged-ports", Trivy = "KSV-0117" }, enabled: false),
        (c, sink) =>
        {
            foreach (var port in c.Ports?.Items ?? [])
            {
                if (port.Get("containerPort") is { } p && p.AsLong() is > 0 and < 1024)
                {
                    sink.Report(c, p, $"{c.Label} listens on privileged port {p.Value}");
                }
            }
        });

    public static IEnumerable<ICheck> All() => [NodePort, LoadBalancer, ExternalIps, IngressTls, NginxSnippets, SshPort, PrivilegedPort];

    private static ObjectCheck ServiceType(string id, string type, Severity severity, string description, CheckEquivalents equivalents) => new(
        Definition(id, $"Service of type {type}", severity, CheckKinds.Services, Links.Services, description,
            "Use a ClusterIP Service behind an Ingress or Gateway with TLS, or restrict the source ranges.", equivalents),
        (obj, sink) =>
        {
            if (obj.Spec?.Get("type") is { } t && t.AsString() == type)
            {
                sink.Report(obj, t, $"Service is of type {type}");
            }
        });

    private static CheckDefinition Definition(string id, string title, Severity severity, IReadOnlyList<string> kinds, string url, string description, string remediation, CheckEquivalents equivalents, bool enabled = true) => new()
    {
        Id = id,
        Title = title,
        Severity = severity,
        Category = "networking",
        Kinds = kinds,
        Url = url,
        EnabledByDefault = enabled,
        Description = description,
        Remediation = remediation,
        Equivalents = equivalents,
    };
}
