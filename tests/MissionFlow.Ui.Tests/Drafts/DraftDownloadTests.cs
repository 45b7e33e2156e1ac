using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MissionFlow.Ui.Tests.Drafts;

[Collection(UiCollection.Name)]
public sealed class DraftDownloadTests(UiHost host)
{
    [Fact]
    public async Task The_committee_downloads_the_conclusion_notice_draft_from_the_mission_page_and_Word_can_open_it()
    {
        var page = await host.SignInAsync(Demo.Committee);
        await page.GotoAsync("/Missions?q=GS-2018");
        await page.ClickAsync("a:has-text('GS-2018-CCHC-SCT')");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a:has-text('Dự thảo thông báo kết luận')"));
        Assert.Equal("GS-2018-CCHC-SCT-conclusion-notice.docx", download.SuggestedFilename);
        using var document = WordprocessingDocument.Open((await download.PathAsync())!, isEditable: false);
        var body = document.MainDocumentPart!.Document.Body!;
        var text = string.Join("\n", body.Descendants<Paragraph>().Select(p => p.InnerText));
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("THÔNG BÁO", text);
        Assert.Contains("Sở Công Thương tỉnh Thanh Hóa", text);
        var size = body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
    }

    [Fact]
    public async Task An_agency_sees_no_draft_button_on_its_mission()
    {
        var page = await host.SignInAsync(Demo.AgencyOfficer);
        await page.GotoAsync("/Missions?q=GS-2018");
        await page.ClickAsync("a:has-text('GS-2018-CCHC-SCT')");
        Assert.Equal(0, await page.Locator("[data-testid=draft-link]").CountAsync());
    }
}
