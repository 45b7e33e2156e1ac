using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using MissionFlow.Core.Agencies;
using MissionFlow.Core.People;
using MissionFlow.Web.Ui;

namespace MissionFlow.Web.People;

internal sealed class AccountsModel(PeopleService people, AgencyService agencies, UserManager<AppUser> users, UiText text) : UiPageModel
{
    [BindProperty] public AccountForm Form { get; set; } = new();

    [BindProperty] public AccountChangeForm Change { get; set; } = new();

    /// <summary>The account whose edit form is open (?edit=id).</summary>
    [BindProperty(SupportsGet = true)] public string? Edit { get; set; }

    public IReadOnlyList<Person> People { get; private set; } = [];
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];
    public Person? Editing => People.FirstOrDefault(p => p.Id == Edit);
    public string? Me => users.GetUserId(User);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Editing is { } person)
            Change = new AccountChangeForm { Role = person.Role, AgencyId = person.AgencyId, FullName = person.FullName, Language = person.Language };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await ActAsync(() => people.CreateAsync(new CreateUserRequest(Form.Email, Form.FullName, Form.Role, Form.AgencyId, Form.Password, Form.Language), Me, ct), "Admin.AccountCreated", ct);

    public async Task<IActionResult> OnPostUpdateAsync(string id, CancellationToken ct)
    {
        Edit = id;
        return await ActAsync(() => people.UpdateAsync(id, new UpdateUserRequest(Change.Role, Change.AgencyId, Change.FullName, Change.Language), Me, ct), "Admin.AccountUpdated", ct);
    }

    public async Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct) =>
        await ActAsync(() => people.DisableAsync(id, Me, ct), "Admin.AccountDisabled", ct);

    public async Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct) =>
        await ActAsync(() => people.EnableAsync(id, Me, ct), "Admin.AccountEnabled", ct);

    /// <summary>Done: a notice naming the account on the list. Refused: the same page with the reason above the forms.</summary>
    private async Task<IActionResult> ActAsync(Func<Task<Person>> action, string notice, CancellationToken ct)
    {
        Person? person = null;
        if (await TryAsync(async () => person = await action()))
        {
            Tell(text[notice, person!.Email]);
            return RedirectToPage(new { edit = (string?)null });
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
