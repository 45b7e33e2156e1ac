using MissionFlow.Core.Agencies;
using MissionFlow.Core.People;

namespace MissionFlow.Core.Seeding;

/// <summary>
/// The demo accounts, password <see cref="Password"/>. Seeded only by the demo seeder, on an empty database of a
/// start that asks for the demo; a start that does not disables them, so outside the demo no account that can
/// sign in has a known password.
/// </summary>
public static class DemoAccounts
{
    public const string Password = "Demo@12345";

    public sealed record Account(string Email, string FullName, string Role, bool OfSupervisedAgency);

    public static IReadOnlyList<Account> All { get; } =
    [
        new("admin@missionflow.local", "Quản trị hệ thống", Roles.Admin, false),
        new("thuongtruc@missionflow.local", "Thường trực HĐND tỉnh", Roles.Committee, false),
        new("doangiamsat@missionflow.local", "Thành viên Đoàn giám sát", Roles.DelegationMember, false),
        new("vanphong@missionflow.local", "Chuyên viên Văn phòng HĐND tỉnh", Roles.CouncilOffice, false),
        new("socongthuong@missionflow.local", "Chuyên viên Sở Công Thương", Roles.AgencyOfficer, true),
        new("giamdoc.socongthuong@missionflow.local", "Giám đốc Sở Công Thương", Roles.AgencyHead, true),
    ];

    public static async Task SeedAsync(PeopleService people, Agency supervised, CancellationToken ct)
    {
        await people.EnsureRolesAsync();
        foreach (var account in All)
            await people.CreateDemoAccountAsync(new CreateUserRequest(account.Email, account.FullName, account.Role,
                account.OfSupervisedAgency ? supervised.Id : null, Password, "vi"), ct);
    }

    /// <summary>Locks out for good the demo accounts still enabled; returns the e-mails of those it disabled.</summary>
    public static Task<IReadOnlyList<string>> DisableAsync(PeopleService people, CancellationToken ct = default) =>
        people.DisableAllAsync(All.Select(a => a.Email), ct);
}
