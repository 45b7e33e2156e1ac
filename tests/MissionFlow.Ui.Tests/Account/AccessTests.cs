using System.Net;

namespace MissionFlow.Ui.Tests.Account;

[Collection(UiCollection.Name)]
public sealed class AccessTests(UiHost host)
{
    [Theory]
    [InlineData("/Admin/Accounts")]
    [InlineData("/Admin/Workflows")]
    [InlineData("/Admin")]
    [InlineData("/Admin/Agencies")]
    [InlineData("/Admin/Calendar")]
    [InlineData("/Admin/Health")]
    [InlineData("/Admin/Mail")]
    [InlineData("/Missions/Create")]
    public async Task An_agency_officer_gets_the_403_page_for_committee_and_admin_pages(string path)
    {
        var page = await host.SignInAsync(Demo.AgencyOfficer);
        var response = await page.GotoAsync(path);
        Assert.Equal(403, response!.Status);
        Assert.Equal("Không có quyền truy cập", await page.TextOfAsync("h1"));
        if (path == "/Admin/Accounts")
            await Screenshots.SaveAsync(page, "forbidden");
    }

    [Fact]
    public async Task A_recommendation_that_does_not_exist_or_is_not_theirs_is_not_found()
    {
        var page = await host.SignInAsync(Demo.AgencyOfficer);
        var response = await page.GotoAsync($"/Recommendations/Details/{Guid.NewGuid()}");
        Assert.Equal(404, response!.Status);
        Assert.Equal("Không tìm thấy", await page.TextOfAsync("h1"));
    }

    [Fact]
    public async Task A_visitor_is_sent_to_sign_in_and_back_while_the_api_still_answers_401()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/Missions");
        Assert.Contains("/Account/SignIn", page.Url);
        await page.SignInHereAsync(Demo.Committee);
        Assert.EndsWith("/Missions", page.Url);

        using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        using var api = await client.GetAsync("/api/missions");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Null(api.Headers.Location);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_on_the_page()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.SignInHereAsync(Demo.Admin, "not-the-password");
        Assert.Contains("/Account/SignIn", page.Url);
        Assert.Contains("không đúng", await page.TextOfAsync(".errors"));
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_rejected()
    {
        var page = await host.SignInAsync(Demo.Committee);
        var response = await page.APIRequest.PostAsync("/Missions/Create", new() { Form = page.Context.APIRequest.CreateFormData().Set("Form.Code", "CSRF-1") });
        Assert.Equal(400, response.Status);
        await page.GotoAsync("/Missions?q=CSRF-1");
        Assert.Equal(0, await page.Locator("table tbody tr").CountAsync());
    }

    [Fact]
    public async Task Text_typed_by_a_person_is_shown_as_text_never_run_as_markup()
    {
        var page = await host.SignInAsync(Demo.Committee);
        await page.GotoAsync("/Missions/Create");
        await page.FillMissionPlanAsync("GS-XSS", "<script>window.pwned=1</script><b>đậm</b>", "Kiểm tra mã hóa");
        await page.SubmitAsync("form.form button.primary");
        Assert.Contains("<script>window.pwned=1</script>", await page.TextOfAsync("h1"));
        Assert.Null(await page.EvaluateAsync<int?>("window.pwned"));
        Assert.Equal(0, await page.Locator("h1 b").CountAsync());
    }

    [Fact]
    public async Task An_agency_forging_a_committee_action_gets_the_403_page_and_nothing_changes()
    {
        var page = await host.SignInAsync(Demo.AgencyOfficer);
        await page.GotoAsync("/Missions");
        await page.ClickAsync("a:has-text('GS-2018-CCHC-SCT')");
        var state = await page.TextOfAsync("[data-testid=mission-state]");
        // A valid token from the page's own language form: the refusal must come from the workflow's roles.
        var token = await page.GetAttributeAsync("input[name=__RequestVerificationToken]", "value");
        var form = page.APIRequest.CreateFormData().Set("__RequestVerificationToken", token!).Set("trigger", "close").Set("input.reason", "forged");
        var response = await page.APIRequest.PostAsync(page.Url + "?handler=Fire", new() { Form = form });
        Assert.Equal(403, response.Status);
        Assert.Contains("Không có quyền truy cập", await response.TextAsync());
        await page.ReloadAsync();
        Assert.Equal(state, await page.TextOfAsync("[data-testid=mission-state]"));
    }
}
