using System.Security.Claims;
using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Runtime;
using MissionFlow.Web.Auth;
using MissionFlow.Web.Hosting;

namespace MissionFlow.Web.Ui;

/// <summary>Who is looking and what day it is for the council: what every page asks before it shows anything.</summary>
internal sealed class UiContext(IHttpContextAccessor http, MissionFlowOptions options, CouncilClock clock, TimeProvider time)
{
    public ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();
    public Actor Actor => User.ToActor();
    public Guid? ScopedAgency => User.ScopedAgency();
    public bool IsCommitteeSide => User.IsCommitteeSide();
    public bool IsAdmin => User.IsInRole(Core.People.Roles.Admin);
    public bool IsSignedIn => User.Identity?.IsAuthenticated == true;
    public DateOnly Today => clock.LocalDate(time.GetUtcNow());

    /// <summary>A demo start seeds the reference mission and known passwords: say so on every page.</summary>
    public bool IsDemo => options.Demo;
}
