using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MissionFlow.Core.Agencies;
using MissionFlow.Core.Missions;
using MissionFlow.Core.Notifications;
using MissionFlow.Core.People;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Timers;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.Tests.Timers;

/// <summary>
/// A council with one supervised agency under the provincial People's Committee, its people, and a loopback SMTP
/// server; the clock is fake, so weeks of reminders pass in seconds. Days are council (Asia/Ho_Chi_Minh) dates.
/// </summary>
public sealed class ReminderWorld : IAsyncDisposable
{
    public const string MissionCode = "GS-NHAC-2026";
    public const string AgencyMailbox = "vanthu@sct.test";          // the agency's own address, no account: Vietnamese
    public const string OfficerAccount = "chuyenvien@sct.test";     // an officer who reads English
    public const string HeadMailbox = "giamdoc@sct.test";
    public const string SuperiorMailbox = "ubnd@tinh.test";
    public const string CommitteeAccount = "thuongtruc@hdnd.test";
    public const string Secretary = "vanphong@hdnd.test";           // the delegation's secretary, from the Council Office
    public const string OfficeAccount = "vanthu@hdnd.test";         // the Council Office's clerk, who records the ladder's letters

    /// <summary>The account a secure relay (<c>secureRelay: true</c>) requires.</summary>
    public static readonly System.Net.NetworkCredential RelayLogin = new("missionflow", "relay-secret");

    public CoreHost Host { get; }
    public LoopbackSmtp Smtp { get; }
    public NotificationOptions Options { get; }
    public Guid AgencyId { get; private set; }
    private int _missions;

    /// <summary>Every email the SMTP server accepted, with the council date it arrived on.</summary>
    public List<(DateOnly Day, MimeMessage Message)> Inbox { get; } = [];

    public Actor Committee { get; } = new(CommitteeAccount, new HashSet<string> { Roles.Committee });
    public Actor Officer => new(OfficerAccount, new HashSet<string> { Roles.AgencyOfficer }, AgencyId.ToString());

    private ReminderWorld(CoreHost host, LoopbackSmtp smtp, NotificationOptions options)
    {
        Host = host;
        Smtp = smtp;
        Options = options;
    }

    public DateOnly Today => Host.Services.GetRequiredService<Engine.Calendar.CouncilClock>().LocalDate(Host.Time.GetUtcNow());

    /// <param name="secureRelay">
    /// The server speaks STARTTLS with a self-signed certificate and requires <see cref="RelayLogin"/>, as a council's
    /// relay does; the options pin its certificate and carry the login, before <paramref name="tune"/> sees them.
    /// </param>
    public static async Task<ReminderWorld> StartAsync(string provider, Action<NotificationOptions>? tune = null, Action<IServiceCollection>? configure = null,
        bool secureRelay = false)
    {
        var smtp = secureRelay ? new LoopbackSmtp(startTls: true, login: RelayLogin) : new LoopbackSmtp();
        var options = new NotificationOptions
        {
            PublicBaseUrl = "https://hdnd.test",
            PickupDirectory = Directory.CreateTempSubdirectory("missionflow-mail-").FullName,
            Smtp = { Host = "127.0.0.1", Port = smtp.Port, Security = "None", From = "MissionFlow <no-reply@hdnd.test>" },
        };
        if (secureRelay)
        {
            options.Smtp.Security = "StartTls";
            options.Smtp.User = RelayLogin.UserName;
            options.Smtp.Password = RelayLogin.Password;
            options.Smtp.TrustedCertificateSha256 = smtp.CertificateSha256;
        }
        tune?.Invoke(options);
        var host = await CoreHost.StartAsync(provider, configure: services =>
        {
            services.AddMissionFlowReminders(options);
            services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
            configure?.Invoke(services);
        });
        var world = new ReminderWorld(host, smtp, options);
        await world.SeedAsync();
        return world;
    }

    private async Task SeedAsync()
    {
        await using var scope = Host.Scope();
        var agencies = scope.ServiceProvider.GetRequiredService<AgencyService>();
        await agencies.CreateAsync(new CreateAgencyRequest("UBND-T", "Ủy ban nhân dân tỉnh", SuperiorMailbox, "chutich@tinh.test", null));
        AgencyId = (await agencies.CreateAsync(new CreateAgencyRequest("SCT", "Sở Công Thương", AgencyMailbox, HeadMailbox, "UBND-T"))).Id;
        var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        var roles = Roles.All.ToDictionary(r => r, r => new IdentityRole(r) { NormalizedName = r.ToUpperInvariant() });
        db.Roles.AddRange(roles.Values);
        AddAccount(db, roles, CommitteeAccount, Roles.Committee, "vi", null);
        AddAccount(db, roles, OfficerAccount, Roles.AgencyOfficer, "en", AgencyId);
        AddAccount(db, roles, OfficeAccount, Roles.CouncilOffice, "vi", null);
        await db.SaveChangesAsync();
    }

    public static void AddAccount(MissionFlowDbContext db, Dictionary<string, IdentityRole> roles, string email, string role, string language, Guid? agencyId)
    {
        var user = new AppUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            Language = language, AgencyId = agencyId, SecurityStamp = Guid.NewGuid().ToString(),
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[role].Id });
    }

    /// <summary>Issues a conclusion today with one recommendation per deadline; returns them in order.</summary>
    public async Task<IReadOnlyList<Guid>> IssueAsync(params string[] deadlines)
    {
        await using var scope = Host.Scope();
        var missions = scope.ServiceProvider.GetRequiredService<MissionService>();
        var none = new Dictionary<string, string?>();
        var mission = await missions.CreateAsync(new CreateMissionRequest(
            MissionCodeFor(),
            "Giám sát việc thực hiện kiến nghị", "Cải cách hành chính", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), "Luật 87/2015/QH13",
            [AgencyId], [new DelegationMemberRequest(Secretary, Roles.Secretary, "Văn phòng HĐND")], null), Committee);
        await missions.FireAsync(mission.Id, "approve-plan", Committee, none);
        await missions.FireAsync(mission.Id, "request-report", Committee, none);
        await missions.RecordOnsiteSessionAsync(mission.Id, new OnsiteSessionRequest(Today, "Sở Công Thương", ["Đoàn giám sát"], [], "Biên bản"), Committee);
        await missions.FireAsync(mission.Id, "hold-onsite", Committee, none);
        await missions.FireAsync(mission.Id, "draft-conclusion", Committee, none);
        await missions.WriteConclusionAsync(mission.Id, new ConclusionRequest(Today, "Chủ tịch HĐND", "Đạt kết quả", ["Còn chậm"],
            deadlines.Select((d, i) => new RecommendationRequest(AgencyId, $"Kiến nghị thứ {i + 1}: rút ngắn thời gian giải quyết thủ tục.", DateOnly.Parse(d, CultureInfo.InvariantCulture), "calendar", "normal")).ToList()), Committee);
        await missions.FireAsync(mission.Id, "issue-conclusion", Committee, none);
        var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        return await db.Recommendations.Where(r => r.MissionId == mission.Id).OrderBy(r => r.Number).Select(r => r.Id).ToListAsync();
    }


    /// <summary>The first mission issued is <see cref="MissionCode"/>; later ones get a suffix, codes being unique.</summary>
    private string MissionCodeFor() => ++_missions == 1 ? MissionCode : $"{MissionCode}-{_missions}";

    public async Task FireAsync(Guid recommendationId, string trigger, Actor actor, Dictionary<string, string?>? input = null)
    {
        await using var scope = Host.Scope();
        await scope.ServiceProvider.GetRequiredService<RecommendationService>()
            .FireAsync(recommendationId, trigger, actor, input ?? [], [], null);
    }

    public async Task<SweepResult> SweepAsync(int batchSize = 500)
    {
        await using var scope = Host.Scope();
        return await scope.ServiceProvider.GetRequiredService<TimerSweep>().RunAsync(batchSize);
    }

    public async Task<DeliveryResult> DeliverAsync()
    {
        await using var scope = Host.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().RunAsync();
        while (Inbox.Count < Smtp.Received.Count)
            Inbox.Add((Today, Smtp.Messages[Inbox.Count]));
        return result;
    }

    /// <summary>Lets time pass in steps, sweeping and delivering after each, as the recurring jobs do.</summary>
    public async Task LiveUntilAsync(DateOnly lastDay, TimeSpan? step = null)
    {
        while (Today <= lastDay)
        {
            await SweepAsync();
            await DeliverAsync();
            Host.Time.Advance(step ?? TimeSpan.FromHours(3));
        }
    }

    public async Task<T> QueryAsync<T>(Func<MissionFlowDbContext, Task<T>> query)
    {
        await using var scope = Host.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Smtp.DisposeAsync();
        Directory.Delete(Options.PickupDirectory, recursive: true);
    }
}
