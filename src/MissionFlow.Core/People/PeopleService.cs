using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MissionFlow.Core.Common;
using MissionFlow.Core.Persistence;

namespace MissionFlow.Core.People;

public sealed record CreateUserRequest(string? Email, string? FullName, string? Role, Guid? AgencyId, string? Password, string? Language);

/// <summary>A new role, agency, name or language for an account; a name or language left out stays as it is.</summary>
public sealed record UpdateUserRequest(string? Role, Guid? AgencyId, string? FullName, string? Language);

/// <summary>
/// An account as the admin sees it. <see cref="LockedOut"/> is the 15 minutes after five wrong passwords;
/// <see cref="Disabled"/> is the admin's doing and lasts until the admin enables the account again.
/// </summary>
public sealed record Person(string Id, string Email, string FullName, string Role, Guid? AgencyId, string Language, bool LockedOut, bool Disabled);

/// <summary>Accounts, kept by the admin. An agency person belongs to exactly one agency; nobody else to any.</summary>
public sealed partial class PeopleService(UserManager<AppUser> users, RoleManager<IdentityRole> roles, MissionFlowDbContext db, TimeProvider time,
    ILogger<PeopleService> log)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), "role");
    }

    public async Task<IReadOnlyList<Person>> ListAsync(CancellationToken ct = default)
    {
        var roleOf = await RolesByUserAsync(ct);
        return (await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct))
            .Select(u => PersonOf(u, roleOf.GetValueOrDefault(u.Id, "")))
            .ToList();
    }

    public async Task<Person> GetAsync(string id, CancellationToken ct = default)
    {
        var user = await FindAsync(id);
        return PersonOf(user, await RoleOfAsync(user));
    }

    public async Task<Person> CreateAsync(CreateUserRequest request, string? byUserId, CancellationToken ct = default)
    {
        var person = await CreateAsync(request, (user, password) => users.CreateAsync(user, password), ct);
        AccountLog.Created(log, person.Email, person.Role, byUserId);
        return person;
    }

    /// <summary>
    /// The demo accounts keep the password published in the README and api.md, which the password policy
    /// (12 characters, not a common one) would refuse: they are hashed here, past the policy, and only ever
    /// seeded on a start that asks for the demo.
    /// </summary>
    internal async Task<Person> CreateDemoAccountAsync(CreateUserRequest request, CancellationToken ct) =>
        await CreateAsync(request, (user, password) =>
        {
            user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
            return users.CreateAsync(user);
        }, ct);

    private async Task<Person> CreateAsync(CreateUserRequest request, Func<AppUser, string, Task<IdentityResult>> create, CancellationToken ct)
    {
        var email = Require.Text(request.Email, "email", InputLimits.Email);
        if (!System.Net.Mail.MailAddress.TryCreate(email, out _))
            throw new InvalidRequestException("email", "'email' is not an email address.") { Code = "email", Args = ["email"] };
        var role = await CheckRoleAndAgencyAsync(request.Role, request.AgencyId, ct);
        var language = CheckLanguage(request.Language ?? "vi");
        if (await users.FindByEmailAsync(email) is not null)
            throw new ConflictException($"An account for '{email}' already exists.", "email") { Code = "duplicate-account", Args = ["email", email] };

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = Require.OptionalText(request.FullName, "fullName", InputLimits.PersonName), AgencyId = request.AgencyId, Language = language };
        // The account and its role land together; inside a caller's transaction (the demo seed) they join it.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        Check(await create(user, Require.Text(request.Password, "password", 200)), "password");
        Check(await users.AddToRoleAsync(user, role), "role");
        if (transaction is not null)
            await transaction.CommitAsync(ct);
        return PersonOf(user, role);
    }

    /// <summary>
    /// A new role, agency, name or language, under the rules of creation. The security stamp changes with it, so
    /// the person's cookies and tokens, which carry the old role and agency, stop working at their next request.
    /// </summary>
    public async Task<Person> UpdateAsync(string id, UpdateUserRequest request, string? byUserId, CancellationToken ct = default)
    {
        var user = await FindAsync(id);
        var role = await CheckRoleAndAgencyAsync(request.Role, request.AgencyId, ct);
        var language = CheckLanguage(request.Language ?? user.Language);
        var current = await RoleOfAsync(user);
        if (current == Roles.Admin && role != Roles.Admin && !Disabled.Is(user))
            await RefuseLastAdminAsync(user, "role");

        user.AgencyId = request.AgencyId;
        user.FullName = request.FullName is null ? user.FullName : Require.OptionalText(request.FullName, "fullName", InputLimits.PersonName);
        user.Language = language;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (current != role)
        {
            if (current.Length > 0)
                Check(await users.RemoveFromRoleAsync(user, current), "role");
            Check(await users.AddToRoleAsync(user, role), "role");
        }
        Check(await users.UpdateSecurityStampAsync(user), "id");
        await transaction.CommitAsync(ct);
        AccountLog.Updated(log, user.Email!, role, user.AgencyId, byUserId);
        return PersonOf(user, role);
    }

    /// <summary>
    /// The first admin, named in configuration by the operator: created when no account has that e-mail, whatever
    /// other accounts exist (a database that was a demo has some, all disabled). A password the policy refuses
    /// stops start-up naming the setting.
    /// </summary>
    public async Task EnsureBootstrapAdminAsync(string? email, string? password, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password) || await users.FindByEmailAsync(email.Trim()) is not null)
            return;
        await EnsureRolesAsync();
        try
        {
            await CreateAsync(new CreateUserRequest(email, "Administrator", Roles.Admin, null, password, "vi"), "configuration", ct);
        }
        catch (InvalidRequestException refused)
        {
            throw new SettingException($"MissionFlow:BootstrapAdmin:{(refused.Field == "password" ? "Password" : "Email")} is not accepted: {refused.Message}");
        }
    }

    private async Task<string> CheckRoleAndAgencyAsync(string? requestedRole, Guid? agencyId, CancellationToken ct)
    {
        var role = Require.Text(requestedRole, "role", InputLimits.Code);
        if (!Roles.All.Contains(role))
            throw new InvalidRequestException("role", $"'role' must be one of: {string.Join(", ", Roles.All)}.");
        if (Roles.IsAgencyRole(role) && agencyId is null)
            throw new InvalidRequestException("agencyId", "An agency officer or head belongs to an agency: 'agencyId' is required.") { Code = "agency-required", Args = ["agencyId"] };
        if (!Roles.IsAgencyRole(role) && agencyId is not null)
            throw new InvalidRequestException("agencyId", "Only agency people belong to an agency: leave 'agencyId' empty.") { Code = "agency-not-allowed", Args = ["agencyId"] };
        if (agencyId is { } agency && !await db.Agencies.AnyAsync(a => a.Id == agency, ct))
            throw new InvalidRequestException("agencyId", "'agencyId' names an agency that does not exist.");
        return role;
    }

    private static string CheckLanguage(string language) =>
        language is "vi" or "en" ? language : throw new InvalidRequestException("language", "'language' is 'vi' or 'en'.");

    private async Task<AppUser> FindAsync(string id) =>
        await users.FindByIdAsync(id) ?? throw new NotFoundException($"No account {id}.");

    private async Task<string> RoleOfAsync(AppUser user) => (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";

    private async Task<Dictionary<string, string>> RolesByUserAsync(CancellationToken ct) =>
        (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct))
            .DistinctBy(r => r.UserId)
            .ToDictionary(r => r.UserId, r => r.Name ?? "");

    private Person PersonOf(AppUser user, string role) =>
        new(user.Id, user.Email!, user.FullName, role, user.AgencyId, user.Language,
            LockedOut: !Disabled.Is(user) && user.LockoutEnd > time.GetUtcNow(), Disabled: Disabled.Is(user));

    /// <summary>Identity's own reasons, in English; its error codes go along so a page can say them in its reader's language.</summary>
    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
            throw new InvalidRequestException(field, string.Join(" ", result.Errors.Select(e => e.Description)))
                { Code = "account-rules", Args = [field, .. result.Errors.Select(e => e.Code)] };
    }
}
