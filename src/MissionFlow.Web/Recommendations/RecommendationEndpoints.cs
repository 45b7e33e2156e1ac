using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MissionFlow.Core.Common;
using MissionFlow.Core.Documents;
using MissionFlow.Core.Missions;
using MissionFlow.Core.OfficeTasks;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Calendar;
using MissionFlow.Web.Auth;
using MissionFlow.Web.Calendar;
using MissionFlow.Web.Documents;
using MissionFlow.Web.Hosting;
using MissionFlow.Web.Idempotency;
using MissionFlow.Web.Missions;
using MissionFlow.Web.Workflows;

namespace MissionFlow.Web.Recommendations;

internal static class RecommendationEndpoints
{
    public static void MapRecommendations(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/recommendations").WithTags("Recommendations");

        group.MapGet("/", async (ClaimsPrincipal user, RecommendationService recommendations, CancellationToken ct,
            Guid? agencyId, Guid? missionId, string? state, bool? overdue, int? dueWithinDays, int? page, int? pageSize, string? field) =>
        {
            var result = await recommendations.ListAsync(new RecommendationFilter(agencyId, missionId, state, overdue, dueWithinDays,
                page ?? 1, pageSize ?? 50, user.ScopedAgency(), field), ct);
            return new Paged<RecommendationRow>(result.Items.Select(r => Row(r, recommendations)).ToList(), result.Page, result.PageSize, result.Total);
        });

        group.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, RecommendationService recommendations, DocumentService documents, [AsParameters] DetailContext context, CancellationToken ct) =>
            await DetailAsync(await recommendations.GetAsync(id, user.ScopedAgency(), ct), recommendations, documents, context, ct));

        group.MapGet("/{id:guid}/actions", (Guid id, ClaimsPrincipal user, RecommendationService recommendations, CancellationToken ct) =>
            recommendations.AvailableActionsAsync(id, user.ToActor(), user.ScopedAgency(), ct));

        group.MapPost("/{id:guid}/actions/{trigger}", async (Guid id, string trigger, HttpRequest request, ClaimsPrincipal user,
            RecommendationService recommendations, DocumentService documents, [AsParameters] DetailContext context, CancellationToken ct) =>
        {
            var action = await ActionRequest.ReadAsync(request, ct);
            var recommendation = await recommendations.FireAsync(id, trigger, user.ToActor(), action.Input, action.Files, user.ScopedAgency(), ct);
            return await DetailAsync(recommendation, recommendations, documents, context, ct);
        }).Accepts<Dictionary<string, string>>("application/json", "multipart/form-data").AcceptsUploads(api).AddEndpointFilter<IdempotencyFilter>();

        group.MapPost("/{id:guid}/evidence", async Task<Created<FileView>> (Guid id, IFormFile file, ClaimsPrincipal user, RecommendationService recommendations, CancellationToken ct) =>
        {
            await using var content = file.OpenReadStream();
            var stored = await recommendations.AddEvidenceAsync(id, new FileUpload(file.FileName, file.ContentType, content), user.ToActor(), user.ScopedAgency(), ct);
            return TypedResults.Created($"/api/recommendations/{id}/evidence/{stored.Id}", FileView.Of(stored));
        }).DisableAntiforgery().AcceptsUploads(api).AddEndpointFilter<IdempotencyFilter>();

        group.MapGet("/{id:guid}/evidence", async (Guid id, ClaimsPrincipal user, RecommendationService recommendations, DocumentService documents, CancellationToken ct) =>
        {
            await recommendations.GetAsync(id, user.ScopedAgency(), ct);
            return (await documents.ListAsync(FileOwner.Recommendation, id, ct)).Select(FileView.Of).ToList();
        });

        group.MapGet("/{id:guid}/evidence/{fileId:guid}", async (Guid id, Guid fileId, ClaimsPrincipal user, RecommendationService recommendations, DocumentService documents, CancellationToken ct) =>
        {
            await recommendations.GetAsync(id, user.ScopedAgency(), ct);
            var (file, content) = await documents.OpenAsync(FileOwner.Recommendation, id, fileId, ct);
            return TypedResults.File(content, file.ContentType, file.FileName);
        });

        group.MapGet("/{id:guid}/journal", async (Guid id, ClaimsPrincipal user, RecommendationService recommendations, DocumentService documents, CancellationToken ct) =>
        {
            var recommendation = await recommendations.GetAsync(id, user.ScopedAgency(), ct);
            var files = await documents.ListAsync(FileOwner.Recommendation, id, ct);
            return (await recommendations.JournalAsync(recommendation, ct))
                .Select(j => new JournalEntryView(j.Id, j.At, j.Actor, j.Trigger, j.FromState, j.ToState, j.Comment, RecommendationHistory.InputOf(j),
                    files.Where(f => f.JournalEntryId == j.Id).Select(FileView.Of).ToList()))
                .ToList();
        });
    }

    private static RecommendationRow Row(Recommendation r, RecommendationService recommendations) =>
        new(r.Id, r.MissionId, r.Number, r.AgencyId, r.Text, r.Deadline, r.Instance!.State, recommendations.IsOverdue(r), r.EscalationLevel, r.Priority.ToString().ToLowerInvariant(),
            r.Field, r.Result);

    /// <summary>What the detail's provisional-year flag reads: the mission's conclusion, the follow-up's timers, the calendar.</summary>
    internal sealed record DetailContext(MissionService Missions, WorkflowService Workflows, CouncilClock Clock, OfficeTaskQuery OfficeTasks)
    {
        public async Task<bool> CountedThroughProvisionalYearAsync(Recommendation r, CancellationToken ct) =>
            ProvisionalCount.Of(r, (await Missions.GetAsync(r.MissionId, ct)).Conclusion?.Date, Workflows.DefinitionOf(r.Instance!), Clock.Calendar);
    }

    private static async Task<RecommendationDetail> DetailAsync(Recommendation r, RecommendationService recommendations, DocumentService documents, DetailContext context, CancellationToken ct)
    {
        var journal = await recommendations.JournalAsync(r, ct);
        var files = await documents.ListAsync(FileOwner.Recommendation, r.Id, ct);
        var instance = r.Instance!;
        var definition = context.Workflows.DefinitionOf(instance);
        var extensions = RecommendationHistory.Extensions(definition, journal);
        return new RecommendationDetail(
            r.Id, r.MissionId, r.Number, r.AgencyId, r.Text, r.Field, instance.State, r.Deadline, r.OriginalDeadline,
            r.DeadlineBasis.ToString().ToLowerInvariant(), r.Priority.ToString().ToLowerInvariant(), recommendations.IsOverdue(r), r.EscalationLevel,
            r.Result, ResultHistory.Of(definition, journal).Select(ResultView.Of).ToList(), new WorkflowRef(instance.WorkflowId, instance.WorkflowVersion),
            RecommendationHistory.ProgressReports(definition, journal, files), extensions, RecommendationHistory.DeadlineHistory(r, definition, journal, extensions),
            files.Select(FileView.Of).ToList(), await context.CountedThroughProvisionalYearAsync(r, ct), await context.OfficeTasks.LadderAsync(r, ct));
    }
}
