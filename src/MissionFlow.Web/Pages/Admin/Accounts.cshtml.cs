using Microsoft.AspNetCore.Mvc;
using MissionFlow.Core.Agencies;
using MissionFlow.Core.People;
using MissionFlow.Web.Ui;

namespace MissionFlow.Web.Pages.Admin;

internal sealed class AccountsModel(PeopleService people, AgencyService agencies, UiText text) : UiPageModel
{
    [BindProperty] public AccountForm Form { get; set; } = new();

    public IReadOnlyList<Person> People { get; private set; } = [];
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await TryAsync(() => people.CreateAsync(new CreateUserRequest(Form.Email, Form.FullName, Form.Role, Form.AgencyId, Form.Password, Form.Language), ct)))
        {
            Tell(text["Admin.AccountCreated", Form.Email ?? ""]);
            return RedirectToPage();
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        People = await people.ListAsync(ct);
        Agencies = await agencies.ListAsync(ct);
    }
}
