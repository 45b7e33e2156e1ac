using MissionFlow.Core.People;

namespace MissionFlow.Web.Auth;

internal static class Policies
{
    public const string Admin = "admin";
    public const string CommitteeSide = "committee-side";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationBuilder builder) => builder
        .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
        .AddPolicy(CommitteeSide, p => p.RequireRole(Roles.All.Where(r => !Roles.IsAgencyRole(r))));
}
