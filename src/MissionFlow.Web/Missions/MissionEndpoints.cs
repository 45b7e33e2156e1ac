using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Common;
using MissionFlow.Core.Missions;
using MissionFlow.Core.Persistence;
using MissionFlow.Web.Auth;
using MissionFlow.Web.Idempotency;
using MissionFlow.Web.Workflows;

namespace MissionFlow.Web.Missions;

internal static class MissionEndpoints
{
    public static void MapMissions(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/missions").WithTags("Missions");

        group.MapGet("/", async (ClaimsPrincipal user, MissionFlowDbContext db, CancellationToken ct) =>
        {
            var agency = user.ScopedAgency();
            var missions = await db.Missions.AsNoTracking().Include(m => m.Instance).OrderByDescending(m => m.CreatedAt).ToListAsync(ct);
            return missions
                .Where(m => agency is null || m.AgencyIds.Contains(agency.Value))
                .Select(m => new MissionSummary(m.Id, m.Code, m.Title, m.Instance.State, new WorkflowRef(m.Instance.WorkflowId, m.Instance.WorkflowVersion), m.AgencyIds, m.Imported))
                .ToList();
        });

        group.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, MissionService missions, MissionViewBuilder views, CancellationToken ct) =>
            await views.BuildAsync(await MissionAccess.VisibleAsync(id, user, missions, ct), ct));

        group.MapPost("/", async Task<Created<MissionView>> (CreateMissionRequest request, ClaimsPrincipal user, MissionService missions, MissionViewBuilder views, CancellationToken ct) =>
        {
            var mission = await missions.CreateAsync(request, user.ToActor(), ct);
            return TypedResults.Created($"/api/missions/{mission.Id}", await views.BuildAsync(await missions.GetAsync(mission.Id, ct), ct));
        }).RequireAuthorization(Policies.CommitteeSide).AddEndpointFilter<IdempotencyFilter>();

        group.MapPost("/{id:guid}/onsite-sessions", async (Guid id, OnsiteSessionRequest request, MissionService missions, MissionViewBuilder views, CancellationToken ct) =>
            await views.BuildAsync(await missions.RecordOnsiteSessionAsync(id, request, ct), ct))
            .RequireAuthorization(Policies.CommitteeSide).AddEndpointFilter<IdempotencyFilter>();

        group.MapPut("/{id:guid}/conclusion", async (Guid id, ConclusionRequest request, MissionService missions, MissionViewBuilder views, CancellationToken ct) =>
            await views.BuildAsync(await missions.WriteConclusionAsync(id, request, ct), ct))
            .RequireAuthorization(Policies.CommitteeSide);

        group.MapGet("/{id:guid}/actions", async (Guid id, ClaimsPrincipal user, MissionService missions, CancellationToken ct) =>
        {
            await MissionAccess.VisibleAsync(id, user, missions, ct);
            return await missions.AvailableActionsAsync(id, user.ToActor(), ct);
        });

        group.MapPost("/{id:guid}/actions/{trigger}", async (Guid id, string trigger, HttpRequest request, ClaimsPrincipal user, MissionService missions, MissionViewBuilder views, CancellationToken ct) =>
        {
            await MissionAccess.VisibleAsync(id, user, missions, ct);
            var action = await ActionRequest.ReadAsync(request, ct);
            return await views.BuildAsync(await missions.FireAsync(id, trigger, user.ToActor(), action.Input, ct), ct);
        }).Accepts<Dictionary<string, string>>("application/json").AddEndpointFilter<IdempotencyFilter>();

        group.MapGet("/{id:guid}/journal", async (Guid id, ClaimsPrincipal user, MissionService missions, MissionFlowDbContext db, CancellationToken ct) =>
        {
            var mission = await MissionAccess.VisibleAsync(id, user, missions, ct);
            var entries = await db.Journal.AsNoTracking().Where(j => j.InstanceId == mission.InstanceId).OrderBy(j => j.Id).ToListAsync(ct);
            return entries.Select(JournalView.Of).ToList();
        });
    }
}
