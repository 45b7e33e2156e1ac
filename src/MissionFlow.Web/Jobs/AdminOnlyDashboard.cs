using Hangfire.Dashboard;
using Microsoft.AspNetCore.Diagnostics;
using MissionFlow.Core.People;

namespace MissionFlow.Web.Jobs;

/// <summary>
/// The dashboard shows every job and can trigger them: admins only. The user is already signed in by the app's
/// scheme (Identity's cookie or bearer token); Hangfire answers 403 to a signed-in non-admin, 401 to nobody.
/// </summary>
internal sealed class AdminOnlyDashboard : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (http.User.IsInRole(Roles.Admin))
            return true;
        // The UI's status pages re-execute the request inside Hangfire's branch, where no page is found: the
        // refusal would read 404. Hangfire's own 401/403 is the honest answer.
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages)
            pages.Enabled = false;
        return false;
    }
}
