using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.People;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Recommendations;

namespace MissionFlow.Core.Notifications;

/// <summary>Who an acknowledge link speaks for when it is used: its role now, or why it no longer may.</summary>
public sealed record AckLinkRecipientCheck(AckLinkState State, string? Role = null);

/// <summary>
/// A link names an address that spoke for the agency when the email was written; by the time it is used the
/// person may have been disabled, moved to another agency or given another role, and the agency deactivated.
/// The link acts only if the address still speaks for the recommendation's agency: an account that is enabled and
/// holds an agency role in that agency, or, for an address with no account, the agency's registered mailbox
/// for the link's role.
/// </summary>
public sealed class AckLinkRecipient(MissionFlowDbContext db)
{
    public async Task<AckLinkRecipientCheck> CheckAsync(AckLink link, Recommendation recommendation, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == recommendation.AgencyId, ct);
        if (agency is not { Active: true })
            return new AckLinkRecipientCheck(AckLinkState.AgencyInactive);
        if (link.AgencyId != agency.Id)
            return new AckLinkRecipientCheck(AckLinkState.NotEntitled);

        // Identity's normalizer upper-cases invariantly; the same key finds the account.
        var normalized = link.Email.ToUpperInvariant();
        var account = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
        if (account is null)
        {
            var mailbox = link.Role == Roles.AgencyHead ? agency.HeadEmail : agency.Email;
            return string.Equals(mailbox.Trim(), link.Email, StringComparison.OrdinalIgnoreCase)
                ? new AckLinkRecipientCheck(AckLinkState.Ready, link.Role)
                : new AckLinkRecipientCheck(AckLinkState.NotEntitled);
        }
        var role = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == account.Id select r.Name).FirstOrDefaultAsync(ct);
        return !Disabled.Is(account) && account.AgencyId == agency.Id && role is not null && Roles.IsAgencyRole(role)
            ? new AckLinkRecipientCheck(AckLinkState.Ready, role)
            : new AckLinkRecipientCheck(AckLinkState.NotEntitled);
    }
}
