using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Common;

namespace MissionFlow.Core.People;

public sealed partial class PeopleService
{
    /// <summary>
    /// Locks the account out for good and renews its security stamp, so its cookies, access and refresh tokens
    /// stop working at their next use. Nobody disables their own account, nor the last admin who can still sign in.
    /// </summary>
    public async Task<Person> DisableAsync(string id, string? byUserId, CancellationToken ct = default)
    {
        var user = await FindAsync(id);
        if (user.Id == byUserId)
            throw new ConflictException("You cannot disable your own account.", "id") { Code = "self-disable", Args = ["id"] };
        var role = await RoleOfAsync(user);
        if (role == Roles.Admin && !Disabled.Is(user))
            await RefuseLastAdminAsync(user, "id");
        await LockAsync(user, ct);
        AccountLog.Disabled(log, user.Email!, byUserId);
        return PersonOf(user, role);
    }

    private async Task LockAsync(AppUser user, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Check(await users.SetLockoutEnabledAsync(user, true), "id");
        Check(await users.SetLockoutEndDateAsync(user, Disabled.Until), "id");
        Check(await users.UpdateSecurityStampAsync(user), "id");
        await transaction.CommitAsync(ct);
    }

    /// <summary>Lifts the admin's lock (and any count of wrong passwords); the person signs in again with their password.</summary>
    public async Task<Person> EnableAsync(string id, string? byUserId, CancellationToken ct = default)
    {
        var user = await FindAsync(id);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Check(await users.SetLockoutEndDateAsync(user, null), "id");
        Check(await users.ResetAccessFailedCountAsync(user), "id");
        Check(await users.UpdateSecurityStampAsync(user), "id");
        await transaction.CommitAsync(ct);
        AccountLog.Enabled(log, user.Email!, byUserId);
        return PersonOf(user, await RoleOfAsync(user));
    }

    /// <summary>
    /// Whether this account may be signed in or keep a session: not disabled, and an agency person's agency is
    /// still active. Checked at sign-in and with the security stamp on every request.
    /// </summary>
    public async Task<bool> MayUseAsync(AppUser user, CancellationToken ct = default) =>
        !Disabled.Is(user) && (user.AgencyId is not { } agency || await db.Agencies.AnyAsync(a => a.Id == agency && a.Active, ct));

    /// <summary>
    /// Disables the demo accounts found on a start that did not ask for the demo, the demo's admin too even when
    /// no other admin exists (the bootstrap admin is how a council gets its own); returns their e-mails.
    /// </summary>
    internal async Task<IReadOnlyList<string>> DisableAllAsync(IEnumerable<string> emails, CancellationToken ct)
    {
        var disabled = new List<string>();
        foreach (var email in emails)
        {
            if (await users.FindByEmailAsync(email) is not { } user || Disabled.Is(user))
                continue;
            await LockAsync(user, ct);
            disabled.Add(email);
        }
        return disabled;
    }

    private async Task RefuseLastAdminAsync(AppUser user, string field)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        if (!admins.Any(a => a.Id != user.Id && !Disabled.Is(a)))
            throw new ConflictException("This is the last enabled admin account: enable or appoint another admin first.", field) { Code = "last-admin", Args = [field] };
    }
}
