using Microsoft.AspNetCore.Mvc;
using MissionFlow.Core.Agencies;
using MissionFlow.Web.Ui;

namespace MissionFlow.Web.Agencies;

internal sealed class AgenciesModel(AgencyService agencies, UiText text) : UiPageModel
{
    [BindProperty] public AgencyForm Form { get; set; } = new();

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Agencies = await agencies.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await TryAsync(() => agencies.CreateAsync(new CreateAgencyRequest(Form.Code, Form.Name, Form.Email, Form.HeadEmail, Form.ParentCode), ct)))
        {
            Tell(text["Admin.AgencyCreated", Form.Code ?? ""]);
            return RedirectToPage();
        }
        Agencies = await agencies.ListAsync(ct);
        return Page();
    }
}
