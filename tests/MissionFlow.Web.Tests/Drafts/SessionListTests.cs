using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using MissionFlow.Core.Seeding;

namespace MissionFlow.Web.Tests.Drafts;

/// <summary>
/// The list for the Council's session on the demo's 2018 mission: a recommendation verified done leaves it, one
/// verified partly done stays with its result, the open ones stay with their days overdue; the page, the .docx and
/// the .xlsx say the same, grouped by agency. Agency people get 403. The demo's current mission is listed beside
/// it: the counts are the 2018 mission's rows.
/// </summary>
public sealed partial class SessionListTests
{
    public static TheoryData<string> Providers() => PostgresServer.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Only_unresolved_recommendations_are_listed_by_agency_in_the_page_and_both_exports(string provider)
    {
        await using var app = new MissionFlowApp(provider);
        var committee = await app.SignInAsync(Demo.Committee);
        var officer = await app.SignInAsync(Demo.AgencyOfficer);
        var reference = await Demo.MissionIdAsync(committee);
        var items = (await officer.GetJsonAsync($"/api/recommendations?pageSize=100&missionId={reference}")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(8, items.Count);
        var (done, partly) = (items[0], items[1]);
        foreach (var (item, result) in new[] { (done, "done"), (partly, "partly-done") })
        {
            var id = item.GetProperty("id").GetString();
            foreach (var trigger in new[] { "acknowledge", "submit" })
                await officer.PostAsJsonAsync($"/api/recommendations/{id}/actions/{trigger}", new { }).OkJsonAsync();
            await committee.PostAsJsonAsync($"/api/recommendations/{id}/actions/verify", new { result, comment = $"Kết quả {result}" }).OkJsonAsync();
        }
        var doneText = done.GetProperty("text").GetString()!;

        var browser = await app.BrowserAsync(Demo.Committee);
        var page = await browser.GetStringAsync("/Session");
        Assert.Equal(7, ItemRow().Matches(page).Count(m => m.Groups[1].Value == ReferenceMission.Code));
        Assert.Equal(["Sở Công Thương tỉnh Thanh Hóa"], AgencyRow().Matches(page).Select(m => m.Groups[1].Value));
        Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(doneText), page);
        Assert.Contains("Kết quả partly-done", page);

        var docx = DocxReader.Open(await browser.GetByteArrayAsync("/Session?handler=Export&format=docx"));
        docx.AssertNationalFormat();
        var table = docx.Tables[1];
        Assert.Contains("Văn bản đôn đốc gần nhất", table.InnerText);
        Assert.Contains("I. Sở Công Thương tỉnh Thanh Hóa", table.InnerText);
        Assert.Contains("hoàn thành một phần (Kết quả partly-done)", table.InnerText);
        Assert.DoesNotContain(doneText, table.InnerText);
        Assert.Equal(7, table.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Count(r => r.InnerText.Contains(ReferenceMission.Code, StringComparison.Ordinal)));

        using var xlsx = await browser.GetAsync("/Session?handler=Export&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var sheet = (await new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()).QueryAsync(useHeaderRow: true)).Cast<IDictionary<string, object>>().ToList();
        Assert.All(sheet, r => Assert.Equal("Sở Công Thương tỉnh Thanh Hóa", r["Cơ quan"]));
        var rows = sheet.Where(r => (string)r["Cuộc giám sát"] == ReferenceMission.Code).ToList();
        Assert.Equal(7, rows.Count);
        Assert.All(rows, r => Assert.True(int.Parse((string)r["Số ngày quá hạn"], System.Globalization.CultureInfo.InvariantCulture) > 2000 || ((string)r["Kết quả xác minh"]).Contains("một phần", StringComparison.Ordinal)));

        var agencyBrowser = await app.BrowserAsync(Demo.AgencyOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await agencyBrowser.GetAsync("/Session")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agencyBrowser.GetAsync("/Session?handler=Export&format=xlsx")).StatusCode);
    }

    [GeneratedRegex("data-testid=\"session-item\">\\s*<td>([^<]+)</td>")]
    private static partial Regex ItemRow();

    [GeneratedRegex("data-testid=\"session-agency\">([^<]+)<")]
    private static partial Regex AgencyRow();
}
