using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Timers;
using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Definitions;
using MissionFlow.Web.Tests.Jobs;

namespace MissionFlow.Web.Tests.OfficeTasks;

/// <summary>The Council Office's tasks over HTTP: a rung fallen due, the letter recorded for it, skip and stop.</summary>
public sealed class OfficeTaskApiTests
{
    public const string Office = "vanphong@missionflow.local";
    private static readonly byte[] Pdf = "%PDF-1.4 công văn đôn đốc đã ký\n%%EOF\n"u8.ToArray();

    private static MultipartFormDataContent Letter(string? number = "245/HĐND-VP", string date = "", string signer = "Nguyễn Văn A", string fileName = "cv-245.pdf")
    {
        var form = new MultipartFormDataContent { { new StringContent(date), "documentDate" }, { new StringContent(signer), "signer" } };
        if (number is not null)
            form.Add(new StringContent(number), "documentNumber");
        form.Add(new ByteArrayContent(Pdf), "file", fileName);
        return form;
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task The_office_lists_its_open_task_records_the_letter_and_the_recommendation_shows_the_rung(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new MissionFlowApp(provider);
        await using var host = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(time)));
        var clock = host.Services.GetRequiredService<CouncilClock>();
        var deadline = clock.Calendar.Add(clock.LocalDate(time.GetUtcNow()), DayOffset.Parse("+2wd"));
        var recommendation = await ReminderEmailTests.IssueAsync(await host.SignInAsync(Demo.Committee), deadline, "GS-LADDER");

        time.Advance(TimeSpan.FromDays(14)); // past the deadline and three working days more
        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<TimerSweep>().RunAsync(500);
        var office = await host.SignInAsync(Office);
        var committee = await host.SignInAsync(Demo.Committee);
        var today = clock.LocalDate(time.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var mission = (await committee.GetJsonAsync($"/api/recommendations/{recommendation}")).GetProperty("missionId").GetString();
        var open = await office.GetJsonAsync($"/api/office-tasks?state=open&missionId={mission}&pageSize=10");
        var task = Assert.Single(open.GetProperty("items").EnumerateArray());
        Assert.Equal(("reminder-letter", 1, "GS-LADDER"), (task.GetProperty("kind").GetString(), task.GetProperty("level").GetInt32(), task.GetProperty("missionCode").GetString()));
        var id = task.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.SignInAsync(Demo.AgencyOfficer)).GetAsync("/api/office-tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.GetAsync("/api/office-tasks?pageSize=501")).StatusCode);

        foreach (var (form, field) in new[]
                 {
                     (Letter(number: null, date: today), "documentNumber"),
                     (Letter(date: ""), "documentDate"),
                     (Letter(date: "2099-01-01"), "documentDate"),
                     (Letter(date: today, signer: ""), "signer"),
                     (Letter(date: today, fileName: "cv-245.docx"), "file"),
                 })
        {
            var refused = await office.PostAsync($"/api/office-tasks/{id}/complete", form);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), $"no error on '{field}'");
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.SignInAsync(Demo.AgencyHead)).PostAsync($"/api/office-tasks/{id}/complete", Letter(date: today))).StatusCode);

        var done = await office.PostAsync($"/api/office-tasks/{id}/complete", Letter(date: today)).OkJsonAsync();
        Assert.Equal(("done", "245/HĐND-VP"), (done.GetProperty("state").GetString(), done.GetProperty("documentNumber").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsync($"/api/office-tasks/{id}/complete", Letter(date: today))).StatusCode);

        var ladder = (await committee.GetJsonAsync($"/api/recommendations/{recommendation}")).GetProperty("ladder");
        Assert.Equal(8, ladder.GetArrayLength());
        var first = ladder[0];
        Assert.Equal(("done", "245/HĐND-VP", today, "Nguyễn Văn A"), (first.GetProperty("state").GetString(), first.GetProperty("documentNumber").GetString(),
            first.GetProperty("documentDate").GetString(), first.GetProperty("signer").GetString()));
        var file = await committee.GetByteArrayAsync($"/api/recommendations/{recommendation}/evidence/{first.GetProperty("fileId").GetString()}");
        Assert.Equal(Pdf, file);
        Assert.Equal("scheduled", ladder[1].GetProperty("state").GetString());
        Assert.Equal(clock.Calendar.Add(DateOnly.Parse(today, CultureInfo.InvariantCulture), DayOffset.Parse("+10wd")).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ladder[1].GetProperty("dueDate").GetString());

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
            // The demo's current mission has a letter of its own recorded; this item's is the one carrying its file.
            var fileId = first.GetProperty("fileId").GetGuid();
            var letter = await db.Outbox.SingleAsync(m => m.Kind == "ladder-letter" && m.AttachmentFileId == fileId);
            Assert.Equal("giamdoc.socongthuong@missionflow.local", letter.To);
            Assert.Contains("245/HĐND-VP", letter.Subject);
        }

        // Skipping and stopping are the committee's: the Office may not.
        var second = ladder[1].GetProperty("taskId").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsJsonAsync($"/api/office-tasks/{second}/skip", new { reason = "x" })).StatusCode);
        var noReason = await committee.PostAsJsonAsync($"/api/office-tasks/{second}/skip", new { reason = " " });
        Assert.True((await noReason.JsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));
        await committee.PostAsJsonAsync($"/api/office-tasks/{second}/skip", new { reason = "Cơ quan đã có văn bản báo cáo" }).OkJsonAsync();
        var third = (await committee.GetJsonAsync($"/api/recommendations/{recommendation}")).GetProperty("ladder")[2];
        Assert.Equal(("referral", "scheduled"), (third.GetProperty("rung").GetString(), third.GetProperty("state").GetString()));
        await committee.PostAsJsonAsync($"/api/office-tasks/{third.GetProperty("taskId").GetString()}/stop", new { reason = "Dừng theo kết luận phiên họp" }).OkJsonAsync();
        Assert.Equal(["done", "skipped", "stopped", "pending", "pending", "pending", "pending", "pending"],
            (await committee.GetJsonAsync($"/api/recommendations/{recommendation}")).GetProperty("ladder").EnumerateArray().Select(r => r.GetProperty("state").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await committee.PostAsJsonAsync($"/api/office-tasks/{third.GetProperty("taskId").GetString()}/skip", new { reason = "x" })).StatusCode);
    }
}
