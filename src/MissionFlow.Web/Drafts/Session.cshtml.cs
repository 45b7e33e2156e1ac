using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MissionFlow.Core.Common;
using MissionFlow.Core.Drafts;
using MissionFlow.Web.Drafts;
using MissionFlow.Web.Ui;

namespace MissionFlow.Web.Drafts;

/// <summary>The list for the Council's session: unresolved recommendations by agency; the council's people only.</summary>
[Authorize(Policy = UiPolicies.CommitteeSide)]
internal sealed class SessionModel(SessionList list, SessionExport export, DraftComposer composer) : UiPageModel
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "size")] public int PageSize { get; set; } = DefaultPageSize;

    public Paged<SessionItem> Items { get; private set; } = new([], 1, DefaultPageSize, 0);
    public LetterWording Wording => composer.Library.Wording;

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await list.PageAsync(Math.Max(PageNumber, 1), Math.Clamp(PageSize, 1, MaxPageSize), ct);

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct) =>
        format == "xlsx" ? await export.ExcelAsync(ct) : await export.DocxAsync(ct);

    public string Link(int page) => $"/Session?p={page}&size={Items.PageSize}";
}
