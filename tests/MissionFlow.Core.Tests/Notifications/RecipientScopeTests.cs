using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.Agencies;
using MissionFlow.Core.Missions;
using MissionFlow.Core.Notifications;
using MissionFlow.Core.People;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Tests.Timers;
using MissionFlow.Core.Workflows;

namespace MissionFlow.Core.Tests.Notifications;

/// <summary>Who a notice reaches on a mission over two agencies: the item's own agency, and only the delegation the mission lists.</summary>
public sealed class RecipientScopeTests
{
    private const string OtherMailbox = "vanthu@stp.test";
    private const string OtherOfficer = "chuyenvien@stp.test";
    private const string UnlistedHead = "truongdoan.khac@hdnd.test";
    private const string DisabledMember = "thuongtruc.cu@hdnd.test";

    [Fact]
    public async Task A_notice_about_one_agency_s_item_reaches_that_agency_and_the_listed_delegation_only()
    {
        await using var world = await ReminderWorld.StartAsync("sqlite");
        await using var scope = world.Host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        var other = await scope.ServiceProvider.GetRequiredService<AgencyService>()
            .CreateAsync(new CreateAgencyRequest("STP", "Sở Tư pháp", OtherMailbox, "giamdoc@stp.test", "UBND-T"));
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!);
        ReminderWorld.AddAccount(db, roles, OtherOfficer, Roles.AgencyOfficer, "vi", other.Id);
        ReminderWorld.AddAccount(db, roles, UnlistedHead, Roles.DelegationHead, "vi", null);
        ReminderWorld.AddAccount(db, roles, DisabledMember, Roles.Committee, "vi", null);
        await db.SaveChangesAsync();
        (await db.Users.SingleAsync(u => u.Email == DisabledMember)).LockoutEnd = Disabled.Until;
        await db.SaveChangesAsync();

        var mission = new Mission
        {
            Code = "GS-CHUNG", Title = "Giám sát hai sở", Topic = "Cải cách hành chính",
            AgencyIds = [world.AgencyId, other.Id],
            Delegation = [new DelegationMember { Email = ReminderWorld.Secretary, Role = Roles.Secretary }],
        };
        var item = new Recommendation { MissionId = mission.Id, Number = 1, AgencyId = world.AgencyId, Text = "Rà soát hồ sơ", OriginalDeadline = new DateOnly(2027, 3, 31) };
        var instance = new WorkflowInstance { WorkflowId = MissionService.FollowUpWorkflowId, WorkflowVersion = 1, WorkflowHash = "", State = "issued" };

        var recipients = await scope.ServiceProvider.GetRequiredService<RecipientDirectory>().ResolveAsync(
            new NoticeSubject(instance, mission, item), [Roles.AgencyOfficer, Roles.AgencyHead, Roles.Secretary, Roles.DelegationHead, Roles.Committee], default);

        var emails = recipients.Select(r => r.Email).ToList();
        Assert.Contains(ReminderWorld.AgencyMailbox, emails);
        Assert.Contains(ReminderWorld.OfficerAccount, emails);
        Assert.Contains(ReminderWorld.Secretary, emails);
        Assert.Contains(ReminderWorld.CommitteeAccount, emails);
        Assert.DoesNotContain(OtherMailbox, emails);
        Assert.DoesNotContain(OtherOfficer, emails);
        Assert.DoesNotContain(UnlistedHead, emails);
        Assert.DoesNotContain(DisabledMember, emails);
    }
}
