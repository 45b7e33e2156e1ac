using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MissionFlow.Core.Documents;
using MissionFlow.Core.Missions;
using MissionFlow.Web.Auth;
using MissionFlow.Web.Documents;
using MissionFlow.Web.Hosting;

namespace MissionFlow.Web.Missions;

/// <summary>A mission's documents: plan, establishing decision, report outline, an agency's report, the conclusion notice.</summary>
internal static class MissionDocumentEndpoints
{
    public static void MapMissionDocuments(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/missions/{id:guid}/documents").WithTags("Missions");

        group.MapPost("/", async Task<Created<FileView>> (Guid id, IFormFile file, [FromForm] string? kind, [FromForm] Guid? agencyId, ClaimsPrincipal user,
            MissionService missions, CancellationToken ct) =>
        {
            await using var content = file.OpenReadStream();
            var stored = await missions.AddDocumentAsync(id, kind, agencyId, new FileUpload(file.FileName, file.ContentType, content), user.ToActor(), ct);
            return TypedResults.Created($"/api/missions/{id}/documents/{stored.Id}", FileView.Of(stored));
        }).RequireAuthorization(Policies.CommitteeSide).DisableAntiforgery().AcceptsUploads(api);

        group.MapGet("/", async (Guid id, ClaimsPrincipal user, MissionService missions, DocumentService documents, CancellationToken ct) =>
        {
            var viewer = user.ToActor();
            await missions.EnsureVisibleAsync(id, viewer, ct);
            return (await documents.MissionDocumentsAsync(id, viewer, ct)).Select(FileView.Of).ToList();
        });

        group.MapGet("/{fileId:guid}", async (Guid id, Guid fileId, ClaimsPrincipal user, MissionService missions, DocumentService documents, CancellationToken ct) =>
        {
            var viewer = user.ToActor();
            await missions.EnsureVisibleAsync(id, viewer, ct);
            var (file, content) = await documents.OpenMissionDocumentAsync(id, fileId, viewer, ct);
            return TypedResults.File(content, file.ContentType, file.FileName);
        });
    }
}
