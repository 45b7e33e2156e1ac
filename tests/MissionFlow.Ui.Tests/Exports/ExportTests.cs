using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using MiniExcelLibs;

namespace MissionFlow.Ui.Tests.Exports;

[Collection(UiCollection.Name)]
public sealed class ExportTests(UiHost host)
{
    [Fact]
    public async Task A_missions_recommendations_export_to_csv_that_Excel_reads_as_Vietnamese_and_to_xlsx()
    {
        var page = await host.SignInAsync(Demo.Committee);
        await page.GotoAsync("/Missions?q=GS-2018");
        await page.ClickAsync("a:has-text('GS-2018-CCHC-SCT')");

        var csvDownload = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a:has-text('Xuất CSV')"));
        var csv = await File.ReadAllBytesAsync((await csvDownload.PathAsync())!);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var text = Encoding.UTF8.GetString(csv[3..]);
        Assert.StartsWith("Cuộc giám sát,Số,Cơ quan,Nội dung kiến nghị,Thời hạn", text);
        Assert.Equal(9, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("Sở Công Thương tỉnh Thanh Hóa", text);
        Assert.Contains("31/12/2018", text);

        var xlsxDownload = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a:has-text('Xuất Excel')"));
        Assert.EndsWith(".xlsx", xlsxDownload.SuggestedFilename);
        var rows = MiniExcel.Query((await xlsxDownload.PathAsync())!, useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(8, rows.Count);
        Assert.Equal("GS-2018-CCHC-SCT", rows[0]["Cuộc giám sát"]);
    }

    [Fact]
    public async Task An_agency_exports_only_its_own_follow_up_status()
    {
        var page = await host.SignInAsync(Demo.AgencyOfficer);
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a:has-text('Xuất CSV')"));
        Assert.StartsWith("SCT-TH-", download.SuggestedFilename);
        var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await download.PathAsync())!));
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..];
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Contains("Sở Công Thương tỉnh Thanh Hóa", l));
    }

    [Fact]
    public async Task The_workflow_diagram_is_served_as_svg_with_the_asked_state_marked()
    {
        using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = Demo.AgencyOfficer, password = Demo.Password });
        var token = (await login.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["accessToken"].ToString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.GetAsync("/api/workflows/recommendation-followup/1/diagram?state=submitted&lang=en");
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        var svg = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<svg", svg);
        Assert.Contains("<g class=\"state current\" data-state=\"submitted\">", svg);
        Assert.Contains("Submitted for verification", svg);
        Assert.Contains("Grant the extension", svg);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/api/workflows/recommendation-followup/99/diagram")).StatusCode);
    }
}
