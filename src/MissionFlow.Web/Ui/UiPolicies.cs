using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using MissionFlow.Core.People;

namespace MissionFlow.Web.Ui;

/// <summary>
/// The pages' policies. They name the Identity cookie scheme so that an anonymous visitor is sent to the sign-in
/// page; the API's policies keep the default scheme, whose challenge answers 401.
/// </summary>
internal static class UiPolicies
{
    public const string Member = "ui-member";
    public const string CommitteeSide = "ui-committee-side";
    public const string Admin = "ui-admin";

    public static void Add(AuthorizationBuilder builder) => builder
        .AddPolicy(Member, p => Cookie(p).RequireRole(Roles.All))
        .AddPolicy(CommitteeSide, p => Cookie(p).RequireRole(Roles.All.Where(r => !Roles.IsAgencyRole(r))))
        .AddPolicy(Admin, p => Cookie(p).RequireRole(Roles.Admin));

    private static AuthorizationPolicyBuilder Cookie(AuthorizationPolicyBuilder policy) =>
        policy.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser();
}
