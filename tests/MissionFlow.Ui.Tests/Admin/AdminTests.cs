using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Seeding;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Ui.Tests.Admin;

[Collection(UiCollection.Name)]
public sealed class AdminTests(UiHost host)
{
    [Fact]
    public async Task The_admin_adds_an_agency_and_an_account_that_can_then_sign_in_to_its_inbox()
    {
        var page = await host.SignInAsync(Demo.Admin);
        await page.GotoAsync("/Admin/Agencies");
        await page.FillAsync("#Form_Code", "SYT-TH");
        await page.FillAsync("#Form_Name", "Sở Y tế tỉnh Thanh Hóa");
        await page.FillAsync("#Form_Email", "soyte@missionflow.local");
        await page.FillAsync("#Form_HeadEmail", "giamdoc.soyte@missionflow.local");
        await page.SelectOptionAsync("#Form_ParentCode", "UBND-TH");
        await page.SubmitAsync("form.form button.primary");
        await page.ExpectNoErrorAsync();
        Assert.Contains("Sở Y tế tỉnh Thanh Hóa", await page.TextOfAsync("table"));

        await page.GotoAsync("/Admin/Accounts");
        await page.FillAsync("#Form_Email", "chuyenvien.soyte@missionflow.local");
        await page.FillAsync("#Form_FullName", "Chuyên viên Sở Y tế");
        await page.SelectOptionAsync("#Form_Role", "agency-officer");
        await page.SelectOptionAsync("#Form_AgencyId", new Microsoft.Playwright.SelectOptionValue { Label = "Sở Y tế tỉnh Thanh Hóa" });
        await page.FillAsync("#Form_Password", "cay tre xanh ven song ma");
        await page.SubmitAsync("form.form button.primary");
        await page.ExpectNoErrorAsync();
        Assert.Contains("chuyenvien.soyte@missionflow.local", await page.TextOfAsync("table"));
        await Screenshots.SaveAsync(page, "admin-accounts");

        var officer = await host.NewPageAsync();
        await officer.GotoAsync("/Account/SignIn");
        await officer.SignInHereAsync("chuyenvien.soyte@missionflow.local", "cay tre xanh ven song ma");
        Assert.EndsWith("/Recommendations", officer.Url);
        Assert.Contains("Không có kiến nghị nào", await officer.TextOfAsync("main"));
    }

    [Fact]
    public async Task A_short_or_common_password_is_refused_in_Vietnamese_with_no_composition_rule_and_no_account_is_made()
    {
        var page = await host.SignInAsync(Demo.Admin);
        await page.GotoAsync("/Admin/Accounts");
        await page.FillAsync("#Form_Email", "matkhau.yeu@missionflow.local");
        await page.FillAsync("#Form_FullName", "Tài khoản mật khẩu yếu");
        await page.SelectOptionAsync("#Form_Role", "committee");
        await page.FillAsync("#Form_Password", "matkhauyeu");
        await page.SubmitAsync("form.form button.primary");

        var errors = await page.TextOfAsync(".errors");
        Assert.Contains("Mật khẩu chưa đạt yêu cầu: cần ít nhất 12 ký tự", errors);
        Assert.DoesNotContain("chữ số", errors);
        Assert.DoesNotContain("chữ hoa", errors);
        Assert.DoesNotContain("Passwords must", errors);

        await page.FillAsync("#Form_Password", "Iloveyou1234");
        await page.SubmitAsync("form.form button.primary");
        Assert.Contains("không được là mật khẩu phổ biến", await page.TextOfAsync(".errors"));
        Assert.DoesNotContain("matkhau.yeu@missionflow.local", await page.TextOfAsync("table"));
    }

    [Fact]
    public async Task The_admin_sees_each_workflow_version_with_its_hash_diagram_and_the_mail_outbox()
    {
        var page = await host.SignInAsync(Demo.Admin);
        await page.GotoAsync("/Admin");
        Assert.Equal(1, await page.Locator("a[href='/hangfire']").CountAsync());
        await page.GotoAsync("/Admin/Workflows");
        // v1 for Law 87/2015, v2 for Law 121/2025, and the follow-up's v3 with its escalation ladder, each page naming its law.
        Assert.Equal(5, await page.Locator("svg.diagram").CountAsync());
        Assert.Contains("Luật số 121/2025/QH15", await page.TextOfAsync("main"));
        Assert.Matches("^[0-9a-f]{64}$", await page.TextOfAsync("code.hash"));
        Assert.Contains("Hợp lệ", await page.TextOfAsync("main"));
        await Screenshots.SaveAsync(page, "admin-workflows");

        var mail = await page.GotoAsync("/Admin/Mail");
        Assert.Equal(200, mail!.Status);
        Assert.Equal("Thư đi", await page.TextOfAsync("h1"));
    }

    [Fact]
    public async Task The_admin_sees_a_reminder_the_sweep_set_aside_with_the_recommendation_it_was_for()
    {
        // What TimerSweep leaves when firing a timer fails on its own (tested in the core): the row set aside as Failed.
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
            var reference = await db.Missions.SingleAsync(m => m.Code == ReferenceMission.Code);
            var third = await db.Recommendations.SingleAsync(r => r.MissionId == reference.Id && r.Number == 3);
            db.Timers.Add(new WorkflowTimer
            {
                InstanceId = third.InstanceId!.Value, TimerId = "reminder-3wd", Kind = TimerKind.Reminder,
                DueAt = new DateTimeOffset(2019, 3, 27, 1, 0, 0, TimeSpan.Zero), Status = TimerStatus.Failed, FiredAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var page = await host.SignInAsync(Demo.Admin);
        await page.GotoAsync("/Admin/Mail");

        var section = await page.TextOfAsync("section[aria-labelledby='set-aside']");
        Assert.Contains("Nhắc hạn không gửi được", section);
        Assert.Contains("27/03/2019 08:00", section);
        Assert.Contains("GS-2018-CCHC-SCT — kiến nghị số 3", section);
        await page.ClickAsync("section[aria-labelledby='set-aside'] a");
        Assert.Contains("/Recommendations/Details/", page.Url);
    }

    [Fact]
    public async Task On_the_embedded_default_the_admin_reads_the_eml_messages_of_the_pickup_folder()
    {
        var folder = Directory.CreateDirectory(Path.Combine(host.App.DataDirectory, "mail")).FullName;
        var message = new MimeKit.MimeMessage { Subject = "[GS-2018-CCHC-SCT] Nhắc hạn kiến nghị số 3" };
        message.From.Add(MimeKit.MailboxAddress.Parse("no-reply@missionflow.local"));
        message.To.Add(MimeKit.MailboxAddress.Parse("socongthuong@missionflow.local"));
        message.Body = new MimeKit.TextPart("plain") { Text = "Kiến nghị số 3 đến hạn. <b>không phải HTML</b>" };
        await message.WriteToAsync(Path.Combine(folder, "nhac-han-3.eml"));

        var page = await host.SignInAsync(Demo.Admin);
        await page.GotoAsync("/Admin/Mail");
        await page.ClickAsync("a:has-text('nhac-han-3.eml')");
        Assert.Equal("[GS-2018-CCHC-SCT] Nhắc hạn kiến nghị số 3", await page.TextOfAsync("#opened"));
        Assert.Contains("<b>không phải HTML</b>", await page.TextOfAsync("pre.mail"));
        await Screenshots.SaveAsync(page, "admin-mail");

        // Only a file listed in the folder opens, never a path someone typed.
        var outside = await page.GotoAsync("/Admin/Mail?file=..%2F..%2Fmissionflow.db");
        Assert.Equal(404, outside!.Status);
    }
}
