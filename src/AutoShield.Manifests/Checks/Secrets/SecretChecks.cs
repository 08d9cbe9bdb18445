namespace AutoShield.Manifests.Checks.Secrets;

/// <summary>Credentials in manifests: literal env values, env sourced from Secrets, duplicate env vars, ConfigMaps.</summary>
internal static class SecretChecks
{
    public static readonly ICheck LiteralInEnv = new ContainerCheck(
        new CheckDefinition
        {
            Id = "secret-in-env",
            Title = "Credential written into an env var",
            Severity = Severity.High,
            Category = "secrets",
            Kinds = CheckKinds.Workloads,
            Url = Links.Secrets,
            Description = "An environment variable named like a credential (PASSWORD, TOKEN, API_KEY, ...) or holding a key-shaped value is written in the manifest, where anyone who can read the workload can read it.",
            Remediation = "Move the value into a Secret and reference it with valueFrom.secretKeyRef (or mount it as a file).",
            Equivalents = new() { KubeLinter = "env-var-secret", Polaris = "sensitiveContainerEnvVar", Kubescape = "C-0012", KubescapeRule = "rule-credentials-in-env-var" },
        },
        (c, sink) =>
        {
            foreach (var env in c.Env?.Items ?? [])
            {
                var name = env.Get("name")?.AsString() ?? "";
                if (env.Get("value") is { } value && value.AsString() is { } text
                    && ((SecretPatterns.SensitiveName().IsMatch(name) && !SecretPatterns.IsHarmlessLiteral(text)) || SecretPatterns.SecretValue().IsMatch(text)))
                {
                    sink.Report(c, value, $"{c.Label} env {name} holds a literal credential");
                }
            }
        });

    public static readonly ICheck FromSecretEnv = new ContainerCheck(
        new CheckDefinition
        {
            Id = "secret-from-env",
            Title = "Secret exposed as an env var",
            Severity = Severity.Low,
            Category = "secrets",
            Kinds = CheckKinds.Workloads,
            Url = Links.Secrets,
            EnabledByDefault = false,
            Description = "Secrets in environment variables leak into crash dumps, child processes and logs more easily than mounted files.",
            Remediation = "Mount the Secret as a volume and read the file.",
            Equivalents = new() { KubeLinter = "read-secret-from-env-var", Kubesec = "SecretsAsEnvironmentVariables", Checkov = "CKV_K8S_35", Kubescape = "C-0207" },
        },
        (c, sink) =>
        {
            foreach (var env in c.Env?.Items ?? [])
            {
                if (env.Get("valueFrom")?.Get("secretKeyRef") is { } reference)
                {
                    sink.Report(c, reference, $"{c.Label} env {env.Get("name")?.AsString()} comes from a Secret");
                }
            }

            foreach (var from in c.Node.Get("envFrom")?.Items ?? [])
            {
                if (from.Get("secretRef") is { } reference)
                {
                    sink.Report(c, reference, $"{c.Label} imports Secret {reference.Get("name")?.AsString()} into its environment");
                }
            }
        });

    public static readonly ICheck DuplicateEnv = new ContainerCheck(
        new CheckDefinition
        {
            Id = "duplicate-env-var",
            Title = "Duplicate env var",
            Severity = Severity.Low,
            Category = "secrets",
            Kinds = CheckKinds.Workloads,
            Url = "https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/",
            Description = "The same variable is defined twice; the last one silently wins, which hides mistakes.",
            Remediation = "Remove all but one definition of the variable.",
            Equivalents = new() { KubeLinter = "duplicate-env-var", Kubescape = "C-0295" },
        },
        (c, sink) =>
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var env in c.Env?.Items ?? [])
            {
                if (env.Get("name")?.AsString() is { } name && !seen.Add(name))
                {
                    sink.Report(c, env.Get("name"), $"{c.Label} defines env {name} more than once");
                }
            }
        },
        ContainerScope.InitAndRegular);

    public static readonly ICheck InConfigMap = new ObjectCheck(
        new CheckDefinition
        {
            Id = "secret-in-configmap",
            Title = "Credential in a ConfigMap",
            Severity = Severity.Medium,
            Category = "secrets",
            Kinds = CheckKinds.ConfigMaps,
            Url = Links.Secrets,
            Description = "A ConfigMap key is named like a credential and holds a short literal value, or a value holds a private key or a cloud access key. ConfigMaps are readable far more widely than Secrets.",
            Remediation = "Move the value into a Secret.",
            Equivalents = new() { Polaris = "sensitiveConfigmapContent", Trivy = "KSV-0109, KSV-01010", Kubescape = "C-0012", KubescapeRule = "rule-credentials-configmap" },
        },
        (obj, sink) =>
        {
            if (obj.Root.Get("data") is not { IsMapping: true } data)
            {
                return;
            }

            for (var i = 0; i < data.Count; i++)
            {
                var key = data.KeyAt(i).Value ?? "";
                var value = data.ValueAt(i).AsString() ?? "";

                // Only single-line values count by name: a script or config file stored under a key named "auth"
                // is not a credential (trivy#8198); key-shaped content counts wherever it is.
                var byName = SecretPatterns.SensitiveName().IsMatch(key) && !value.Contains('\n', StringComparison.Ordinal) && !SecretPatterns.IsHarmlessLiteral(value);
                if (byName || SecretPatterns.SecretValue().IsMatch(value))
                {
                    sink.Report(obj, data.ValueAt(i), $"ConfigMap key {key} holds what looks like a credential");
                }
            }
        });

    public static IEnumerable<ICheck> All() => [LiteralInEnv, FromSecretEnv, DuplicateEnv, InConfigMap];
}
