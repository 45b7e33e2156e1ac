using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MissionFlow.Core.Common;
using MissionFlow.Core.Documents;
using MissionFlow.Core.Missions;
using MissionFlow.Core.Persistence;
using MissionFlow.Web.Auth;
using MissionFlow.Web.Documents;
using MissionFlow.Web.Hosting;

namespace MissionFlow.Web.Missions;

/// <summary>A mission's documents: plan, establishing decision, report outline, the agency's report, the conclusion notice.</summary>
internal static class MissionDocumentEndpoints
{
    public static void MapMissionDocuments(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/missions/{id:guid}/documents").WithTags("Missions");

        group.MapPost("/", async Task<Created<FileView>> (Guid id, IFormFile file, [Microsoft.AspNetCore.Mvc.FromForm] string? kind, ClaimsPrincipal user,
            MissionService missions, DocumentService documents, MissionFlowDbContext db, CancellationToken ct) =>
        {
            await missions.GetAsync(id, ct);
            var documentKind = string.IsNullOrWhiteSpace(kind) ? "other" : kind;
            if (!DocumentService.MissionKinds.Contains(documentKind))
                throw new InvalidRequestException("kind", $"'kind' must be one of: {string.Join(", ", DocumentService.MissionKinds)}.");
            await using var content = file.OpenReadStream();
            var stored = await documents.AddAsync(FileOwner.Mission, id, documentKind, new FileUpload(file.FileName, file.ContentType, content), user.ToActor().Id, "file", ct);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/missions/{id}/documents/{stored.Id}", FileView.Of(stored));
        }).RequireAuthorization(Policies.CommitteeSide).DisableAntiforgery().AcceptsUploads(api);

        group.MapGet("/", async (Guid id, ClaimsPrincipal user, MissionService missions, DocumentService documents, CancellationToken ct) =>
        {
            await MissionAccess.VisibleAsync(id, user, missions, ct);
            return (await documents.ListAsync(FileOwner.Mission, id, ct)).Select(FileView.Of).ToList();
        });

        group.MapGet("/{fileId:guid}", async (Guid id, Guid fileId, ClaimsPrincipal user, MissionService missions, DocumentService documents, CancellationToken ct) =>
        {
            await MissionAccess.VisibleAsync(id, user, missions, ct);
            var (file, content) = await documents.OpenAsync(FileOwner.Mission, id, fileId, ct);
            return TypedResults.File(content, file.ContentType, file.FileName);
        });
    }
}
