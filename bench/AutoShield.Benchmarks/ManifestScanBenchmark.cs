using System.Globalization;
using System.Text;
using AutoShield.Manifests.Input;
using AutoShield.Manifests.Scanning;
using BenchmarkDotNet.Attributes;

namespace AutoShield.Benchmarks;

/// <summary>
/// Scanner throughput on a generated corpus of mixed objects (Deployments, StatefulSets, DaemonSets, CronJobs,
/// Services, ConfigMaps, Ingresses, NetworkPolicies, Roles, RoleBindings) rendered like Helm output. objects/s =
/// Objects / Mean; comparing 1x with 10x input shows how the cost grows.
/// </summary>
[MemoryDiagnoser]
public class ManifestScanBenchmark
{
    private ManifestInput _input = null!;

    [Params(2_000, 20_000)]
    public int Objects { get; set; }

    [GlobalSetup]
    public void Setup() => _input = ManifestInput.FromText("corpus.yaml", Generate(Objects, seed: 42));

    [Benchmark]
    public int Scan() => ManifestScanner.Scan([_input], ScanOptions.Default).Findings.Count;

    /// <summary>A seeded corpus, so every run scans the same bytes.</summary>
    public static string Generate(int objects, int seed)
    {
        var random = new Random(seed);
        var sb = new StringBuilder(objects * 900);
        for (var i = 0; i < objects; i++)
        {
            var ns = "team-" + (i % 25).ToString(CultureInfo.InvariantCulture);
            var name = "app-" + i.ToString(CultureInfo.InvariantCulture);
            sb.Append("---\n# Source: chart/templates/").Append(name).Append(".yaml\n");
            switch (random.Next(10))
            {
                case 0 or 1 or 2:
                    Workload(sb, "apps/v1", "Deployment", ns, name, random, "  replicas: 3\n");
                    break;
                case 3:
                    Workload(sb, "apps/v1", "StatefulSet", ns, name, random, "  serviceName: " + name + "\n");
                    break;
                case 4:
                    Workload(sb, "apps/v1", "DaemonSet", ns, name, random, "");
                    break;
                case 5:
                    sb.Append("apiVersion: v1\nkind: Service\nmetadata:\n  name: ").Append(name).Append("\n  namespace: ").Append(ns)
                      .Append("\nspec:\n  type: ").Append(random.Next(4) == 0 ? "NodePort" : "ClusterIP")
                      .Append("\n  selector:\n    app: app-").Append(Math.Max(0, i - 1)).Append("\n  ports:\n    - port: 80\n      targetPort: http\n");
                    break;
                case 6:
                    sb.Append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ").Append(name).Append("\n  namespace: ").Append(ns)
                      .Append("\ndata:\n  LOG_LEVEL: info\n  db_password: ").Append(random.Next(5) == 0 ? "s3cr3t-value" : "\"\"").Append("\n  app.properties: |\n    server.port=8080\n    feature.flag=true\n");
                    break;
                case 7:
                    sb.Append("apiVersion: networking.k8s.io/v1\nkind: ").Append(random.Next(2) == 0 ? "Ingress" : "NetworkPolicy").Append("\nmetadata:\n  name: ").Append(name).Append("\n  namespace: ").Append(ns)
                      .Append("\nspec:\n  podSelector:\n    matchLabels:\n      app: ").Append(name).Append("\n  rules:\n    - host: ").Append(name).Append(".example.com\n");
                    break;
                case 8:
                    sb.Append("apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: ").Append(name).Append("\n  namespace: ").Append(ns)
                      .Append("\nrules:\n  - apiGroups: [\"\"]\n    resources: [\"pods\", \"configmaps\"]\n    verbs: [\"get\", \"list\", \"watch\"]\n  - apiGroups: [\"\"]\n    resources: [\"secrets\"]\n    verbs: [\"")
                      .Append(random.Next(3) == 0 ? "*" : "get").Append("\"]\n");
                    break;
                default:
                    Workload(sb, "batch/v1", "CronJob", ns, name, random, "");
                    break;
            }
        }

        return sb.ToString();
    }

    private static void Workload(StringBuilder sb, string apiVersion, string kind, string ns, string name, Random random, string extraSpec)
    {
        var cron = kind == "CronJob";
        var indent = cron ? "        " : "    ";
        sb.Append("apiVersion: ").Append(apiVersion).Append("\nkind: ").Append(kind).Append("\nmetadata:\n  name: ").Append(name)
          .Append("\n  namespace: ").Append(ns).Append("\n  labels:\n    app: ").Append(name).Append("\n    app.kubernetes.io/part-of: shop\nspec:\n").Append(extraSpec);
        if (cron)
        {
            sb.Append("  schedule: \"*/5 * * * *\"\n  jobTemplate:\n    spec:\n      template:\n");
        }
        else
        {
            sb.Append("  selector:\n    matchLabels:\n      app: ").Append(name).Append("\n  template:\n");
        }

        sb.Append(indent).Append("metadata:\n").Append(indent).Append("  labels:\n").Append(indent).Append("    app: ").Append(name).Append('\n')
          .Append(indent).Append("spec:\n");
        var spec = indent + "  ";
        if (random.Next(2) == 0)
        {
            sb.Append(spec).Append("securityContext:\n").Append(spec).Append("  runAsNonRoot: true\n").Append(spec).Append("  runAsUser: 10001\n")
              .Append(spec).Append("  seccompProfile:\n").Append(spec).Append("    type: RuntimeDefault\n");
        }

        if (cron)
        {
            sb.Append(spec).Append("restartPolicy: OnFailure\n");
        }

        sb.Append(spec).Append("containers:\n");
        var containers = 1 + random.Next(2);
        for (var c = 0; c < containers; c++)
        {
            var item = spec + "  ";
            sb.Append(spec).Append("- name: c").Append(c).Append('\n')
              .Append(item).Append("image: registry.example.com/shop/").Append(name).Append(random.Next(6) == 0 ? ":latest" : ":1.4.2").Append('\n')
              .Append(item).Append("ports:\n").Append(item).Append("  - name: http\n").Append(item).Append("    containerPort: 8080\n")
              .Append(item).Append("env:\n").Append(item).Append("  - name: MODE\n").Append(item).Append("    value: production\n")
              .Append(item).Append("resources:\n").Append(item).Append("  requests: {cpu: 100m, memory: 128Mi}\n").Append(item).Append("  limits: {memory: 256Mi}\n");
            if (random.Next(3) != 0)
            {
                sb.Append(item).Append("readinessProbe:\n").Append(item).Append("  httpGet: {path: /ready, port: http}\n")
                  .Append(item).Append("livenessProbe:\n").Append(item).Append("  httpGet: {path: /live, port: http}\n");
            }

            sb.Append(item).Append("securityContext:\n").Append(item).Append("  allowPrivilegeEscalation: ").Append(random.Next(4) == 0 ? "true" : "false").Append('\n')
              .Append(item).Append("  readOnlyRootFilesystem: true\n").Append(item).Append("  privileged: ").Append(random.Next(20) == 0 ? "true" : "false").Append('\n')
              .Append(item).Append("  capabilities:\n").Append(item).Append("    drop: [ALL]\n");
        }
    }
}
