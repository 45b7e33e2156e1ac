using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MissionFlow.Core.Missions;
using MissionFlow.Core.People;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Timers;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Ui.Tests.Recommendations;

[Collection(UiCollection.Name)]
public sealed class OfficeTaskPageTests(UiHost host)
{
    private const string Code = "GS-2026-VP-LADDER";

    /// <summary>
    /// A mission of 2026 entered after the fact under Law 121/2025, its one recommendation due 30 June 2026: long
    /// overdue, so the sweep opens the ladder's first rung for the Council Office.
    /// </summary>
    private async Task<Guid> OverdueItemAsync()
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<MissionFlowDbContext>();
        var agency = await db.Agencies.SingleAsync(a => a.Code == "SCT-TH");
        var missions = services.GetRequiredService<MissionService>();
        var committee = new Actor(Demo.Committee, new HashSet<string> { Roles.Committee });
        var none = new Dictionary<string, string?>();
        var mission = await missions.CreateAsync(new CreateMissionRequest(Code, "Giám sát an toàn thực phẩm năm 2026", "An toàn thực phẩm",
            new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), "Luật số 121/2025/QH15", [agency.Id], [],
            new ScheduleRequest(new DateOnly(2026, 3, 20), new DateOnly(2026, 3, 25), new DateOnly(2026, 4, 1)), "law-121-2025", Imported: true), committee);
        await missions.FireAsync(mission.Id, "approve-plan", committee, none);
        await missions.FireAsync(mission.Id, "request-report", committee, none);
        await missions.RecordOnsiteSessionAsync(mission.Id, new OnsiteSessionRequest(new DateOnly(2026, 3, 25), "Sở Công Thương", ["Đoàn giám sát"], [], "Biên bản"), committee);
        await missions.FireAsync(mission.Id, "hold-onsite", committee, none);
        await missions.FireAsync(mission.Id, "draft-conclusion", committee, none);
        await missions.WriteConclusionAsync(mission.Id, new ConclusionRequest(new DateOnly(2026, 4, 1), "Chủ tịch HĐND", "Đạt", ["Còn chậm"],
            [new RecommendationRequest(agency.Id, "Kiểm tra cơ sở kinh doanh thực phẩm.", new DateOnly(2026, 6, 30), "calendar", "normal")]), committee);
        await missions.FireAsync(mission.Id, "issue-conclusion", committee, none);
        await services.GetRequiredService<TimerSweep>().RunAsync(500);
        return await db.Recommendations.Where(r => r.MissionId == mission.Id).Select(r => r.Id).SingleAsync();
    }

    [Fact]
    public async Task The_office_downloads_the_draft_records_the_letter_number_on_its_page_and_the_recommendation_shows_the_rung_recorded()
    {
        var recommendation = await OverdueItemAsync();
        var office = await host.SignInAsync("vanphong@missionflow.local");

        await office.ClickAsync("nav a[href='/OfficeTasks']");
        Assert.Equal("Việc của Văn phòng", await office.TextOfAsync("h1"));
        var task = office.Locator("[data-testid=office-task]", new() { HasText = $"{Code} #1" });
        Assert.Contains("Công văn đôn đốc", await task.InnerTextAsync());

        // The Office drafts the letter in Word from the task before it is signed.
        var download = await office.RunAndWaitForDownloadAsync(() => task.Locator("[data-testid=draft-link]").ClickAsync());
        Assert.Equal($"{Code}-1-reminder-letter.docx", download.SuggestedFilename);
        using (var draft = WordprocessingDocument.Open((await download.PathAsync())!, isEditable: false))
        {
            var text = string.Join("\n", draft.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
            Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
            Assert.Contains("Kiểm tra cơ sở kinh doanh thực phẩm.", text);
        }

        await task.Locator("input[name=documentNumber]").FillAsync("245/HĐND-VP");
        await task.Locator("input[name=documentDate]").FillAsync(PageActions.Today.Iso());
        await task.Locator("input[name=signer]").FillAsync("Nguyễn Văn A, Phó Chủ tịch HĐND");
        await task.Locator("input[name=file]").SetInputFilesAsync(
            new FilePayload { Name = "cv-245.pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes("%PDF-1.4 công văn đôn đốc") });
        await task.Locator("button:has-text('Ghi nhận và gửi văn bản')").ClickAsync();
        await office.WaitForLoadStateAsync();
        Assert.Contains("Đã ghi nhận văn bản số 245/HĐND-VP", await office.TextOfAsync("body"));

        await office.GotoAsync($"/Recommendations/Details/{recommendation}");
        var rung = office.Locator("[data-testid=rung-reminder-letter]");
        var shown = await rung.InnerTextAsync();
        Assert.Contains("Đã ghi nhận", shown);
        Assert.Contains("245/HĐND-VP", shown);
        Assert.Contains("Nguyễn Văn A", shown);
        Assert.Equal(1, await rung.Locator("a:has-text('Văn bản đã ký')").CountAsync());
        Assert.Contains("Chưa đến hạn", await office.Locator("[data-testid=rung-second-reminder-letter]").InnerTextAsync());
    }
}
