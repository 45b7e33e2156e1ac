using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MissionFlow.Core.Agencies;
using MissionFlow.Core.Common;
using MissionFlow.Core.Documents;
using MissionFlow.Core.Missions;
using MissionFlow.Core.OfficeTasks;
using MissionFlow.Core.People;
using MissionFlow.Core.Workflows;
using MissionFlow.Web.Ui;

namespace MissionFlow.Web.OfficeTasks;

/// <summary>
/// The Council Office's page: the ladder's rungs fallen due, and on each open one the form to record the letter
/// issued for it; the committee skips a rung or stops the ladder from here too.
/// </summary>
[Authorize(Policy = UiPolicies.CommitteeSide)]
internal sealed class IndexModel(OfficeTaskQuery tasks, OfficeLadder ladder, AgencyService agencies, DefinitionCatalog catalog, MissionService missions,
    UiContext ui, UiText text) : UiPageModel
{
    public static readonly string[] StateNames = ["open", "scheduled", "done", "skipped", "stopped"];
    public const int DefaultPageSize = 50;

    [BindProperty(SupportsGet = true)] public string? State { get; set; } = "open";
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? MissionId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? AgencyId { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Paged<OfficeTaskRow> Rows { get; private set; } = new([], 1, DefaultPageSize, 0);
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Code)> Missions { get; private set; } = [];
    public bool MayRecord => ui.User.IsInRole(Roles.CouncilOffice) || MaySettle;
    public bool MaySettle => ui.User.IsInRole(Roles.Committee) || ui.User.IsInRole(Roles.Admin);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Agencies = await agencies.ListAsync(ct);
        Missions = await missions.CodesAsync(ui.Actor, ct);
        Rows = await tasks.ListAsync(new OfficeTaskFilter(string.IsNullOrEmpty(State) ? null : State, Overdue ? true : null, MissionId, AgencyId,
            Math.Max(PageNumber, 1), DefaultPageSize), ui.Actor, ct);
    }

    /// <summary>The rung's name in the reader's language, from the latest ladder; an older definition's task by its id.</summary>
    public string RungName(string kind) =>
        catalog.Latest(MissionService.FollowUpWorkflowId).Ladder?.FindRung(kind)?.Name.In(text.Language) ?? kind;

    public bool MayBeComplex(string kind) => catalog.Latest(MissionService.FollowUpWorkflowId).Ladder?.FindRung(kind)?.MayBeComplex == true;

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["state"] = State, ["overdue"] = Overdue ? "true" : null, ["missionId"] = MissionId?.ToString(), ["agencyId"] = AgencyId?.ToString(),
        ["p"] = page.ToString(CultureInfo.InvariantCulture),
    }).ToString();

    public async Task<IActionResult> OnPostRecordAsync(Guid taskId, string? documentNumber, string? documentDate, string? signer, IFormFile? file, bool complex,
        CancellationToken ct)
    {
        if (!MayRecord)
            return Forbid();
        await using var content = file?.OpenReadStream();
        var date = DateOnly.TryParseExact(documentDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        var letter = new RecordLetterRequest(documentNumber, date, signer, file is null ? null : new FileUpload(file.FileName, file.ContentType, content!), complex);
        if (await TryAsync(() => ladder.RecordAsync(taskId, letter, ui.Actor.Id, ct)))
        {
            Tell(text["OfficeTasks.Recorded", documentNumber ?? ""]);
            return Redirect(Request.Path + Request.QueryString);
        }
        await OnGetAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostSkipAsync(Guid taskId, string? reason, CancellationToken ct) =>
        SettleAsync(() => ladder.SkipAsync(taskId, reason, ui.Actor.Id, ct), "OfficeTasks.Skipped", ct);

    public Task<IActionResult> OnPostStopAsync(Guid taskId, string? reason, CancellationToken ct) =>
        SettleAsync(() => ladder.StopAsync(taskId, reason, ui.Actor.Id, ct), "OfficeTasks.Stopped", ct);

    private async Task<IActionResult> SettleAsync(Func<Task> settle, string notice, CancellationToken ct)
    {
        if (!MaySettle)
            return Forbid();
        if (await TryAsync(settle))
        {
            Tell(text[notice]);
            return Redirect(Request.Path + Request.QueryString);
        }
        await OnGetAsync(ct);
        return Page();
    }
}
