using MissionFlow.Core.People;

namespace MissionFlow.Web.Auth;

internal static class Policies
{
    public const string Admin = "admin";
    public const string CommitteeSide = "committee-side";

    /// <summary>Signed in and holding a MissionFlow role: an account without one sees nothing.</summary>
    public const string Member = "member";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationBuilder builder) => builder
        .AddPolicy(Member, p => p.RequireRole(Roles.All))
        .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
        .AddPolicy(CommitteeSide, p => p.RequireRole(Roles.All.Where(r => !Roles.IsAgencyRole(r))));
}
