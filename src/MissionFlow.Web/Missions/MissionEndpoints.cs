using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MissionFlow.Core.Common;
using MissionFlow.Core.Missions;
using MissionFlow.Web.Auth;
using MissionFlow.Web.Idempotency;
using MissionFlow.Web.Workflows;

namespace MissionFlow.Web.Missions;

internal static class MissionEndpoints
{
    public static void MapMissions(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/missions").WithTags("Missions");

        group.MapGet("/", async (ClaimsPrincipal user, MissionService missions, CancellationToken ct,
            string? q, string? state, Guid? agencyId, int? page, int? pageSize) =>
        {
            var result = await missions.ListAsync(new MissionFilter(q, state, agencyId, page ?? 1, pageSize ?? 50), user.ToActor(), ct);
            return new Paged<MissionSummary>(result.Items.Select(MissionSummary.Of).ToList(), result.Page, result.PageSize, result.Total);
        });

        group.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, MissionService missions, MissionViewBuilder views, CancellationToken ct) =>
            await views.BuildAsync(await missions.ViewAsync(id, user.ToActor(), ct), user.ToActor(), ct));

        group.MapPost("/", async Task<Created<MissionView>> (CreateMissionRequest request, ClaimsPrincipal user, MissionService missions, MissionViewBuilder views, CancellationToken ct) =>
        {
            var mission = await missions.CreateAsync(request, user.ToActor(), ct);
            return TypedResults.Created($"/api/missions/{mission.Id}", await views.BuildAsync(await missions.GetAsync(mission.Id, ct), user.ToActor(), ct));
        }).RequireAuthorization(Policies.CommitteeSide).AddEndpointFilter<IdempotencyFilter>();

        group.MapPost("/{id:guid}/onsite-sessions", async (Guid id, OnsiteSessionRequest request, ClaimsPrincipal user, MissionService missions, MissionViewBuilder views, CancellationToken ct) =>
            await views.BuildAsync(await missions.RecordOnsiteSessionAsync(id, request, user.ToActor(), ct), user.ToActor(), ct))
            .RequireAuthorization(Policies.CommitteeSide).AddEndpointFilter<IdempotencyFilter>();

        group.MapPut("/{id:guid}/conclusion", async (Guid id, ConclusionRequest request, ClaimsPrincipal user, MissionService missions, MissionViewBuilder views, CancellationToken ct) =>
            await views.BuildAsync(await missions.WriteConclusionAsync(id, request, user.ToActor(), ct), user.ToActor(), ct))
            .RequireAuthorization(Policies.CommitteeSide);

        group.MapGet("/{id:guid}/actions", async (Guid id, ClaimsPrincipal user, MissionService missions, CancellationToken ct) =>
            await missions.AvailableActionsAsync(id, user.ToActor(), ct));

        group.MapPost("/{id:guid}/actions/{trigger}", async (Guid id, string trigger, HttpRequest request, ClaimsPrincipal user, MissionService missions, MissionViewBuilder views, CancellationToken ct) =>
        {
            var action = await ActionRequest.ReadAsync(request, ct);
            return await views.BuildAsync(await missions.FireAsync(id, trigger, user.ToActor(), action.Input, ct), user.ToActor(), ct);
        }).Accepts<Dictionary<string, string>>("application/json").AddEndpointFilter<IdempotencyFilter>();

        group.MapGet("/{id:guid}/journal", async (Guid id, ClaimsPrincipal user, MissionService missions, CancellationToken ct) =>
            (await missions.JournalAsync(id, user.ToActor(), ct)).Select(JournalView.Of).ToList());
    }
}
