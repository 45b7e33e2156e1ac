using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Common;
using MissionFlow.Core.People;
using MissionFlow.Core.Persistence;

namespace MissionFlow.Core.Agencies;

public sealed record CreateAgencyRequest(string? Code, string? Name, string? Email, string? HeadEmail, string? ParentCode);

public sealed record UpdateAgencyRequest(string? Name, string? Email, string? HeadEmail, string? ParentCode, bool? Active);

/// <summary>The reference list of supervised bodies, kept by the admin.</summary>
public sealed class AgencyService(MissionFlowDbContext db)
{
    public async Task<IReadOnlyList<Agency>> ListAsync(CancellationToken ct = default) =>
        await db.Agencies.AsNoTracking().OrderBy(a => a.Code).ToListAsync(ct);

    public async Task<Agency> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException($"No agency {id}.");

    public async Task<Agency> CreateAsync(CreateAgencyRequest request, CancellationToken ct = default)
    {
        var code = Require.Text(request.Code, "code", InputLimits.Code);
        var agency = new Agency
        {
            Code = code,
            Name = Require.Text(request.Name, "name", InputLimits.AgencyName),
            Email = Email(request.Email, "email"),
            HeadEmail = Email(request.HeadEmail, "headEmail"),
            ParentId = await ParentAsync(request.ParentCode, ct),
        };
        if (await db.Agencies.AnyAsync(a => a.Code == code, ct))
            throw new ConflictException($"An agency with code '{code}' already exists.", "code") { Code = "duplicate-code", Args = ["code", code] };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(ct);
        return agency;
    }

    /// <summary>
    /// Renames, re-addresses, re-parents or (de)activates an agency; its code never changes. A change of
    /// <see cref="Agency.Active"/> renews the security stamp of each of its people in the same save: a deactivated
    /// agency's people are signed out at their next request and cannot sign in again.
    /// </summary>
    public async Task<Agency> UpdateAsync(Guid id, UpdateAgencyRequest request, CancellationToken ct = default)
    {
        var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException($"No agency {id}.");
        agency.Name = Require.Text(request.Name, "name", InputLimits.AgencyName);
        agency.Email = Email(request.Email, "email");
        agency.HeadEmail = Email(request.HeadEmail, "headEmail");
        agency.ParentId = await ParentAsync(request.ParentCode, ct);
        if (agency.ParentId == agency.Id)
            throw new InvalidRequestException("parentCode", "An agency cannot be its own superior.");
        if (request.Active is { } active && active != agency.Active)
        {
            agency.Active = active;
            foreach (var person in await db.Users.Where(u => u.AgencyId == id).ToListAsync(ct))
                SecurityStamps.Renew(person);
        }
        await db.SaveChangesAsync(ct);
        return agency;
    }

    private async Task<Guid?> ParentAsync(string? parentCode, CancellationToken ct) =>
        Require.OptionalText(parentCode, "parentCode", InputLimits.Code) is not { Length: > 0 } code
            ? null
            : (await db.Agencies.FirstOrDefaultAsync(a => a.Code == code, ct))?.Id
              ?? throw new InvalidRequestException("parentCode", $"No agency has code '{code}'.");

    private static string Email(string? value, string field)
    {
        var email = Require.Text(value, field, InputLimits.Email);
        return System.Net.Mail.MailAddress.TryCreate(email, out _) ? email : throw new InvalidRequestException(field, $"'{field}' is not an email address.") { Code = "email", Args = [field] };
    }
}
