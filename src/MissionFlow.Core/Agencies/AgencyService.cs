using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Common;
using MissionFlow.Core.Persistence;

namespace MissionFlow.Core.Agencies;

public sealed record CreateAgencyRequest(string? Code, string? Name, string? Email, string? HeadEmail, string? ParentCode);

/// <summary>The reference list of supervised bodies, kept by the admin.</summary>
public sealed class AgencyService(MissionFlowDbContext db)
{
    public async Task<IReadOnlyList<Agency>> ListAsync(CancellationToken ct = default) =>
        await db.Agencies.AsNoTracking().OrderBy(a => a.Code).ToListAsync(ct);

    public async Task<Agency> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException($"No agency {id}.");

    public async Task<Agency> CreateAsync(CreateAgencyRequest request, CancellationToken ct = default)
    {
        var code = Require.Text(request.Code, "code", 50);
        var agency = new Agency
        {
            Code = code,
            Name = Require.Text(request.Name, "name", 300),
            Email = Email(request.Email, "email"),
            HeadEmail = Email(request.HeadEmail, "headEmail"),
        };
        if (!string.IsNullOrWhiteSpace(request.ParentCode))
            agency.ParentId = (await db.Agencies.FirstOrDefaultAsync(a => a.Code == request.ParentCode, ct))?.Id
                ?? throw new InvalidRequestException("parentCode", $"No agency has code '{request.ParentCode}'.");
        if (await db.Agencies.AnyAsync(a => a.Code == code, ct))
            throw new ConflictException($"An agency with code '{code}' already exists.", "code");
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(ct);
        return agency;
    }

    private static string Email(string? value, string field)
    {
        var email = Require.Text(value, field, 256);
        return System.Net.Mail.MailAddress.TryCreate(email, out _) ? email : throw new InvalidRequestException(field, $"'{field}' is not an email address.");
    }
}
