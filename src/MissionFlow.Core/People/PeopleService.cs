using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Common;
using MissionFlow.Core.Persistence;

namespace MissionFlow.Core.People;

public sealed record CreateUserRequest(string? Email, string? FullName, string? Role, Guid? AgencyId, string? Password, string? Language);

public sealed record Person(string Id, string Email, string FullName, string Role, Guid? AgencyId, string Language, bool LockedOut);

/// <summary>Accounts, kept by the admin. An agency person belongs to exactly one agency; nobody else to any.</summary>
public sealed class PeopleService(UserManager<AppUser> users, RoleManager<IdentityRole> roles, MissionFlowDbContext db, TimeProvider time)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), "role");
    }

    public async Task<IReadOnlyList<Person>> ListAsync(CancellationToken ct = default)
    {
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = time.GetUtcNow();
        return (await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct))
            .Select(u => new Person(u.Id, u.Email!, u.FullName, roles.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? "", u.AgencyId, u.Language, u.LockoutEnd > now))
            .ToList();
    }

    public async Task<Person> CreateAsync(CreateUserRequest request, CancellationToken ct = default)
    {
        var email = Require.Text(request.Email, "email", InputLimits.Email);
        if (!System.Net.Mail.MailAddress.TryCreate(email, out _))
            throw new InvalidRequestException("email", "'email' is not an email address.") { Code = "email", Args = ["email"] };
        var role = Require.Text(request.Role, "role", InputLimits.Code);
        if (!Roles.All.Contains(role))
            throw new InvalidRequestException("role", $"'role' must be one of: {string.Join(", ", Roles.All)}.");
        if (Roles.IsAgencyRole(role) != request.AgencyId.HasValue)
            throw new InvalidRequestException("agencyId", Roles.IsAgencyRole(role)
                ? "An agency officer or head belongs to an agency: 'agencyId' is required."
                : "Only agency people belong to an agency: leave 'agencyId' empty.");
        if (request.AgencyId is { } agency && !await db.Agencies.AnyAsync(a => a.Id == agency, ct))
            throw new InvalidRequestException("agencyId", "'agencyId' names an agency that does not exist.");
        var language = request.Language ?? "vi";
        if (language is not ("vi" or "en"))
            throw new InvalidRequestException("language", "'language' is 'vi' or 'en'.");
        if (await users.FindByEmailAsync(email) is not null)
            throw new ConflictException($"An account for '{email}' already exists.", "email") { Code = "duplicate-account", Args = ["email", email] };

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = Require.OptionalText(request.FullName, "fullName", InputLimits.PersonName), AgencyId = request.AgencyId, Language = language };
        // The account and its role land together; inside a caller's transaction (the demo seed) they join it.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        Check(await users.CreateAsync(user, Require.Text(request.Password, "password", 200)), "password");
        Check(await users.AddToRoleAsync(user, role), "role");
        if (transaction is not null)
            await transaction.CommitAsync(ct);
        return new Person(user.Id, email, user.FullName, role, user.AgencyId, language, false);
    }

    /// <summary>
    /// The first admin of a database that has no account yet (outside the demo no account has a known password):
    /// the operator names it in configuration for the first start.
    /// </summary>
    public async Task EnsureBootstrapAdminAsync(string? email, string? password, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password) || await db.Users.AnyAsync(ct))
            return;
        await EnsureRolesAsync();
        await CreateAsync(new CreateUserRequest(email, "Administrator", Roles.Admin, null, password, "vi"), ct);
    }

    /// <summary>Identity's own reasons, in English; its error codes go along so a page can say them in its reader's language.</summary>
    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
            throw new InvalidRequestException(field, string.Join(" ", result.Errors.Select(e => e.Description)))
                { Code = "account-rules", Args = [field, .. result.Errors.Select(e => e.Code)] };
    }
}
