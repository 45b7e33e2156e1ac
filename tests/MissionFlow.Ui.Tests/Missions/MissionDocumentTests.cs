using System.Text;
using Microsoft.Playwright;

namespace MissionFlow.Ui.Tests.Missions;

[Collection(UiCollection.Name)]
public sealed class MissionDocumentTests(UiHost host)
{
    [Fact]
    public async Task The_committee_files_the_plan_and_the_agency_can_read_it_but_not_add_one()
    {
        var committee = await host.SignInAsync(Demo.Committee);
        await committee.GotoAsync("/Missions?q=GS-2018");
        await committee.ClickAsync("a:has-text('GS-2018-CCHC-SCT')");
        var url = committee.Url;
        await committee.SelectOptionAsync("#doc-kind", "plan");
        await committee.SetInputFilesAsync("#doc-file",
            new FilePayload { Name = "ke-hoach-giam-sat.pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes("%PDF-1.4 ke hoach") });
        await committee.SubmitAsync("form:has(#doc-file) button[type=submit]");
        await committee.ExpectNoErrorAsync();
        Assert.Contains("ke-hoach-giam-sat.pdf — Kế hoạch", await committee.TextOfAsync("#documents ~ ul"));

        var agency = await host.SignInAsync(Demo.AgencyOfficer);
        await agency.GotoAsync(url);
        Assert.Equal(0, await agency.Locator("#doc-file").CountAsync());
        Assert.Empty(await agency.OfferedTriggersAsync());
        var download = await agency.RunAndWaitForDownloadAsync(() => agency.ClickAsync("a:has-text('ke-hoach-giam-sat.pdf')"));
        Assert.Equal("%PDF-1.4 ke hoach", await File.ReadAllTextAsync((await download.PathAsync())!));
    }
}
