using System.Security.Claims;
using MissionFlow.Core.Drafts;
using MissionFlow.Web.Auth;

namespace MissionFlow.Web.Drafts;

/// <summary>
/// Drafts in the national format (Decree 30/2020/NĐ-CP), as Word documents the Office completes and signs: the
/// letter of a ladder rung, for its Office task, and a mission's conclusion notice and results report.
/// </summary>
internal static class DraftEndpoints
{
    public static void MapDrafts(this IEndpointRouteBuilder api)
    {
        api.MapGet("/office-tasks/{id:guid}/draft", async (Guid id, ClaimsPrincipal user, DraftService drafts, CancellationToken ct) =>
            {
                var draft = await drafts.ForOfficeTaskAsync(id, user.ToActor(), ct);
                return Api(await DraftDownload.AsDocxAsync(draft.Letter, draft.Name, ct));
            })
            .RequireAuthorization(Policies.CommitteeSide)
            .WithTags("Drafts")
            .WithSummary("The letter of an Office task's rung, as a .docx in the national format, its number and date left blank")
            .Produces<Stream>(StatusCodes.Status200OK, NationalDocx.ContentType);

        api.MapGet("/missions/{id:guid}/drafts/{kind}", async (Guid id, string kind, ClaimsPrincipal user, DraftService drafts, CancellationToken ct) =>
            {
                var draft = await drafts.ForMissionAsync(id, kind, user.ToActor(), ct);
                return Api(await DraftDownload.AsDocxAsync(draft.Letter, draft.Name, ct));
            })
            .RequireAuthorization(Policies.CommitteeSide)
            .WithTags("Drafts")
            .WithSummary("A mission's conclusion notice (kind conclusion-notice, once the conclusion is written) or results report (results-report), as a .docx")
            .Produces<Stream>(StatusCodes.Status200OK, NationalDocx.ContentType);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.FileStreamHttpResult Api(Microsoft.AspNetCore.Mvc.FileStreamResult file) =>
        TypedResults.Stream(file.FileStream, file.ContentType, file.FileDownloadName);
}
