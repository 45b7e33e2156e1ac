using Hangfire.Dashboard;
using MissionFlow.Core.People;

namespace MissionFlow.Web.Jobs;

/// <summary>
/// The dashboard shows every job and can trigger them: admins only. The user is already signed in by the app's
/// scheme (Identity's cookie or bearer token); Hangfire answers 403 to a signed-in non-admin, 401 to nobody.
/// </summary>
internal sealed class AdminOnlyDashboard : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
}
