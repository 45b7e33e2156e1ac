using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.People;

namespace MissionFlow.Ui.Tests.Account;

/// <summary>Signing in through a real OpenID Connect provider on loopback: the button, the provider, and back.</summary>
public sealed class SingleSignOnTests(SsoHost host) : IClassFixture<SsoHost>
{
    [Fact]
    public async Task The_providers_user_lands_signed_in_as_the_account_with_that_email_and_its_role()
    {
        host.Provider.Email = Demo.Committee;
        var page = await NewPageAsync();
        await page.GotoAsync("/Missions");
        Assert.Contains("/Account/SignIn", page.Url);

        await page.SubmitAsync("#sso");

        Assert.EndsWith("/Missions", page.Url);
        Assert.Equal(Demo.Committee, await page.TextOfAsync(".who"));
        // The committee's role rides in the cookie as after a password sign-in: its page opens, an agency's would not.
        var create = await page.GotoAsync("/Missions/Create");
        Assert.Equal(200, create!.Status);
    }

    [Fact]
    public async Task The_button_names_the_provider_in_Vietnamese_first()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/SignIn");

        Assert.Equal("Đăng nhập bằng Cổng dịch vụ tỉnh", await page.TextOfAsync("#sso"));
    }

    [Fact]
    public async Task An_email_without_an_account_is_refused_with_a_page_and_no_account_is_created()
    {
        const string stranger = "nguoila@tinh.gov.vn";
        host.Provider.Email = stranger;
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/SignIn");

        await page.SubmitAsync("#sso");

        Assert.Contains("/Account/SingleSignOn", page.Url);
        Assert.Equal("Không thể đăng nhập một lần", await page.TextOfAsync("h1"));
        Assert.Contains("Chưa có tài khoản MissionFlow nào mang địa chỉ thư điện tử này", await page.TextOfAsync("#sso-refusal"));
        Assert.Equal(0, await page.Locator(".who").CountAsync());
        Assert.Null(await AccountAsync(stranger));
        var missions = await page.GotoAsync("/Missions");
        Assert.Contains("/Account/SignIn", missions!.Url);
    }

    [Fact]
    public async Task A_disabled_account_is_refused_as_at_the_password_sign_in()
    {
        await using (var scope = host.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PeopleService>().DisableAsync((await AccountAsync(Demo.AgencyHead))!.Id, byUserId: null);
        host.Provider.Email = Demo.AgencyHead;
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/SignIn");

        await page.SubmitAsync("#sso");

        Assert.Equal("Không thể đăng nhập một lần", await page.TextOfAsync("h1"));
        Assert.Contains("đã bị vô hiệu hóa", await page.TextOfAsync("#sso-refusal"));
        Assert.Equal(0, await page.Locator(".who").CountAsync());
    }

    [Fact]
    public async Task The_api_still_takes_the_accounts_bearer_tokens_beside_single_sign_on()
    {
        using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = Demo.Committee, password = Demo.Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var missions = await client.GetAsync("/api/missions");

        Assert.Equal(HttpStatusCode.OK, missions.StatusCode);
    }

    /// <summary>
    /// A page given two minutes per action: a sign-in through the provider is five requests over two hosts, and the
    /// first of them compiles both OpenID Connect stacks on a machine other builds share.
    /// </summary>
    private async Task<Microsoft.Playwright.IPage> NewPageAsync()
    {
        var page = await host.NewPageAsync();
        page.SetDefaultTimeout(120_000);
        return page;
    }

    private async Task<AppUser?> AccountAsync(string email)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
    }
}
