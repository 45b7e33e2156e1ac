using System.Globalization;
using System.Security.Claims;
using MissionFlow.Core.Common;
using MissionFlow.Core.Documents;
using MissionFlow.Core.OfficeTasks;
using MissionFlow.Core.People;
using MissionFlow.Core.Timers;
using MissionFlow.Web.Auth;
using MissionFlow.Web.Hosting;
using MissionFlow.Web.Idempotency;

namespace MissionFlow.Web.OfficeTasks;

/// <summary>
/// The Council Office's tasks: the ladder's rungs fallen due, the letters recorded for them, and the committee's
/// skip and stop. Agency people have no part in them.
/// </summary>
internal static class OfficeTaskEndpoints
{
    public static void MapOfficeTasks(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/office-tasks").WithTags("Office tasks");

        group.MapGet("/", (ClaimsPrincipal user, OfficeTaskQuery tasks, CancellationToken ct,
                string? state, bool? overdue, Guid? missionId, Guid? agencyId, int? page, int? pageSize) =>
            tasks.ListAsync(new OfficeTaskFilter(state, overdue, missionId, agencyId, page ?? 1, pageSize ?? 50), user.ToActor(), ct))
            .WithSummary("Lists Office tasks, soonest due first; paged. Council Office, committee, admin; a delegation role sees its missions' only.");

        group.MapPost("/{id:guid}/complete", async (Guid id, HttpRequest request, ClaimsPrincipal user, OfficeLadder ladder, CancellationToken ct) =>
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file");
            await using var content = file?.OpenReadStream();
            var letter = new RecordLetterRequest(form["documentNumber"], Date(form["documentDate"]), form["signer"],
                file is null ? null : new FileUpload(file.FileName, file.ContentType, content!), Flag(form["complex"], "complex"));
            return View(await ladder.RecordAsync(id, letter, user.ToActor().Id, ct));
        }).RequireAuthorization(p => p.RequireRole(Roles.CouncilOffice, Roles.Committee, Roles.Admin))
            .Accepts<RecordLetterForm>("multipart/form-data").DisableAntiforgery().AcceptsUploads(api).AddEndpointFilter<IdempotencyFilter>()
            .WithSummary("Records the letter issued for an open rung (number, date, signer, signed PDF; complex for a request for explanation) and sends it to its recipient.");

        group.MapPost("/{id:guid}/skip", async (Guid id, ReasonRequest body, ClaimsPrincipal user, OfficeLadder ladder, CancellationToken ct) =>
            View(await ladder.SkipAsync(id, body.Reason, user.ToActor().Id, ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Committee, Roles.Admin)).AddEndpointFilter<IdempotencyFilter>()
            .WithSummary("Skips an open or scheduled rung; the next is scheduled from today.");

        group.MapPost("/{id:guid}/stop", async (Guid id, ReasonRequest body, ClaimsPrincipal user, OfficeLadder ladder, CancellationToken ct) =>
            View(await ladder.StopAsync(id, body.Reason, user.ToActor().Id, ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Committee, Roles.Admin)).AddEndpointFilter<IdempotencyFilter>()
            .WithSummary("Stops the item's ladder at this rung: nothing further falls due.");
    }

    private static DateOnly? Date(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new InvalidRequestException("documentDate", "'documentDate' is a date written yyyy-MM-dd.") { Code = "date", Args = ["documentDate"] };

    /// <summary>"true"/"false", or "on" as an HTML checkbox sends it.</summary>
    private static bool Flag(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? false
        : value == "on" ? true
        : bool.TryParse(value, out var flag) ? flag
        : throw new InvalidRequestException(field, $"'{field}' is true or false.") { Code = "boolean", Args = [field] };

    private static OfficeTaskView View(OfficeTask t) =>
        new(t.Id, t.RecommendationId, t.Kind, t.Level, t.State.ToString().ToLowerInvariant(), t.DueDate, t.DocumentNumber, t.DocumentDate, t.Signer, t.FileId, t.Complex, t.Reason);
}

/// <summary>The multipart form recording a letter, as OpenAPI shows it.</summary>
internal sealed record RecordLetterForm(string DocumentNumber, DateOnly DocumentDate, string Signer, IFormFile File, bool? Complex);

internal sealed record ReasonRequest(string? Reason);

internal sealed record OfficeTaskView(Guid Id, Guid RecommendationId, string Kind, int Level, string State, DateOnly? DueDate,
    string? DocumentNumber, DateOnly? DocumentDate, string? Signer, Guid? FileId, bool Complex, string? Reason);
