using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.People;
using MissionFlow.Core.Persistence;

namespace MissionFlow.Core.Notifications;

/// <summary>
/// Turns the recipient names of a definition (agency-officer, committee, superior-body...) into addresses: the
/// agency's own mailboxes and its people's accounts, the delegation of the mission, the committee's accounts.
/// </summary>
public sealed class RecipientDirectory(MissionFlowDbContext db, NotificationOptions options)
{
    // Lives as long as its scope, one sweep run: the many items of one mission due on one day cost one lookup,
    // and the accounts of a role and the language of an address are read once per run, not once per mission.
    private readonly Dictionary<string, IReadOnlyList<Recipient>> _resolved = [];
    private readonly Dictionary<string, List<Account>> _accounts = [];
    private readonly Dictionary<string, string?> _languages = [];

    public async Task<IReadOnlyList<Recipient>> ResolveAsync(NoticeSubject subject, IReadOnlyList<string> names, CancellationToken ct)
    {
        var key = $"{subject.Mission.Id}|{string.Join(',', subject.AgencyIds)}|{string.Join(',', names)}";
        if (!_resolved.TryGetValue(key, out var recipients))
            _resolved[key] = recipients = await LookUpAsync(subject, names, ct);
        return recipients;
    }

    private async Task<IReadOnlyList<Recipient>> LookUpAsync(NoticeSubject subject, IReadOnlyList<string> names, CancellationToken ct)
    {
        var agencyIds = subject.AgencyIds;
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToListAsync(ct);
        var parentIds = agencies.Where(a => a.ParentId is not null).Select(a => a.ParentId!.Value).ToList();
        var parents = names.Contains("superior-body")
            ? await db.Agencies.AsNoTracking().Where(a => parentIds.Contains(a.Id)).ToListAsync(ct)
            : [];
        var accounts = await AccountsAsync(names, ct);

        var found = new List<(string Email, string? AgencyRole, Guid? AgencyId)>();
        foreach (var name in names)
        {
            switch (name)
            {
                case Roles.AgencyOfficer or Roles.AgencyHead:
                    foreach (var agency in agencies)
                    {
                        found.Add((name == Roles.AgencyOfficer ? agency.Email : agency.HeadEmail, name, agency.Id));
                        found.AddRange(accounts.Where(a => a.Role == name && a.AgencyId == agency.Id).Select(a => (a.Email, (string?)name, (Guid?)agency.Id)));
                    }
                    break;
                case "superior-body":
                    found.AddRange(parents.Select(p => (p.Email, (string?)null, (Guid?)null)));
                    break;
                case "delegation":
                    found.AddRange(subject.Mission.Delegation.Select(d => (d.Email, (string?)null, (Guid?)null)));
                    break;
                default:
                    // committee, secretary, delegation-head: the mission's delegation by its role; the committee's
                    // accounts too, as the committee acts on every mission. A delegation role is mailed only about the
                    // missions listing that person, as it acts only on those (AccessRules).
                    found.AddRange(subject.Mission.Delegation.Where(d => d.Role == name).Select(d => (d.Email, (string?)null, (Guid?)null)));
                    if (!Roles.IsDelegationRole(name))
                        found.AddRange(accounts.Where(a => a.Role == name).Select(a => (a.Email, (string?)null, (Guid?)null)));
                    break;
            }
        }

        var distinct = found
            .Where(f => !string.IsNullOrWhiteSpace(f.Email))
            .GroupBy(f => f.Email.Trim().ToLowerInvariant())
            .Select(g => g.OrderBy(f => f.AgencyRole is null).First() with { Email = g.Key })
            .ToList();
        var unknown = distinct.Select(d => d.Email).Where(e => !_languages.ContainsKey(e)).ToList();
        if (unknown.Count > 0)
        {
            var chosen = await LanguagesAsync(unknown, ct);
            foreach (var email in unknown)
                _languages[email] = chosen.GetValueOrDefault(email);
        }
        return distinct
            .Select(d => new Recipient(d.Email, _languages[d.Email] ?? options.DefaultLanguage, d.AgencyRole, d.AgencyId))
            .ToList();
    }

    /// <summary>Each address's chosen language, for those that belong to an account.</summary>
    public async Task<Dictionary<string, string>> LanguagesAsync(IEnumerable<string> emails, CancellationToken ct)
    {
        var normalized = emails.Select(e => e.ToUpperInvariant()).ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail != null && normalized.Contains(u.NormalizedEmail))
            .Select(u => new { u.Email, u.Language })
            .ToListAsync(ct);
        return users.Where(u => u.Email is not null).ToDictionary(u => u.Email!.ToLowerInvariant(), u => u.Language);
    }

    /// <summary>The addresses of the accounts holding <paramref name="role"/>, for the weekly digest.</summary>
    public async Task<IReadOnlyList<string>> EmailsInRoleAsync(string role, CancellationToken ct) =>
        (await AccountsAsync([role], ct)).Select(a => a.Email.ToLowerInvariant()).Distinct().ToList();

    private async Task<List<Account>> AccountsAsync(IReadOnlyList<string> roles, CancellationToken ct)
    {
        var key = string.Join(',', roles.Order());
        if (!_accounts.TryGetValue(key, out var accounts))
            _accounts[key] = accounts = await QueryAccountsAsync(roles, ct);
        return accounts;
    }

    /// <summary>The enabled accounts holding one of <paramref name="roles"/>: a disabled account is mailed nothing.</summary>
    private async Task<List<Account>> QueryAccountsAsync(IReadOnlyList<string> roles, CancellationToken ct)
    {
        // Lockout ends are compared here, not in SQL: SQLite cannot order DateTimeOffset values.
        var rows = await (from u in db.Users
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where r.Name != null && roles.Contains(r.Name) && u.Email != null
                          orderby u.Email
                          select new { Account = new Account(u.Email!, r.Name!, u.AgencyId), u.LockoutEnd }).ToListAsync(ct);
        return rows.Where(r => !Disabled.Is(r.LockoutEnd)).Select(r => r.Account).ToList();
    }

    private sealed record Account(string Email, string Role, Guid? AgencyId);
}
