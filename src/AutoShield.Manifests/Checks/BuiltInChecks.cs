using AutoShield.Manifests.Checks.ApiVersions;
using AutoShield.Manifests.Checks.Host;
using AutoShield.Manifests.Checks.Images;
using AutoShield.Manifests.Checks.Namespaces;
using AutoShield.Manifests.Checks.Networking;
using AutoShield.Manifests.Checks.Probes;
using AutoShield.Manifests.Checks.Rbac;
using AutoShield.Manifests.Checks.Resources;
using AutoShield.Manifests.Checks.Secrets;
using AutoShield.Manifests.Checks.SecurityContext;
using AutoShield.Manifests.Checks.ServiceAccounts;
using AutoShield.Manifests.PodSecurity;

namespace AutoShield.Manifests.Checks;

/// <summary>Every built-in check, listed explicitly (no reflection) so the set is obvious and trimming-safe.</summary>
internal static class BuiltInChecks
{
    public static IEnumerable<ICheck> All() =>
        PrivilegeChecks.All()
            .Concat(HardeningChecks.All())
            .Concat(CapabilityChecks.All())
            .Concat(HostNamespaceChecks.All())
            .Concat(HostPathChecks.All())
            .Concat(ResourceChecks.All())
            .Concat(ProbeChecks.All())
            .Concat(ImageChecks.All())
            .Concat(ServiceAccountChecks.All())
            .Concat(SecretChecks.All())
            .Concat(NamespaceChecks.All())
            .Concat(ServiceChecks.All())
            .Concat([SelectorMismatchCheck.Instance, new NetworkPolicyCoverageCheck(), new DuplicateSelectorCheck()])
            .Concat(DanglingSelectorCheck.All())
            .Concat(RbacChecks.All())
            .Concat(BindingChecks.All())
            .Concat(ApiVersionChecks.All())
            .Concat(PssBaselineChecks.All())
            .Concat(PssRestrictedChecks.All());
}
