namespace AutoShield.Manifests.Tests.Scanning;

/// <summary>Manifests for tests, written out so each test reads as the YAML a user would scan.</summary>
internal static class Some
{
    public const string PrivilegedDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  securityContext:
                    privileged: true
        """;

    public static string WithAnnotations(string annotations) => $$"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: agent
          namespace: ops
          annotations:
        {{annotations}}
        spec:
          hostNetwork: true
          containers:
            - name: agent
              image: agent:1.0
        """;
}
