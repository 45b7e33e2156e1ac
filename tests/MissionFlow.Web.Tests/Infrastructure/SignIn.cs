using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MissionFlow.Web.Tests.Infrastructure;

public static partial class SignIn
{
    /// <summary>A browser-like client of <paramref name="host"/> signed in through the sign-in page, carrying its cookie.</summary>
    public static async Task<HttpClient> SignInPagesAsync(this WebApplicationFactory<Program> host, string email, string password = "Demo@12345")
    {
        var browser = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await browser.GetStringAsync("/Account/SignIn");
        var signIn = await browser.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return browser;
    }

    [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex AntiforgeryToken();

    /// <summary>A client of <paramref name="host"/> signed in through POST /api/auth/login, carrying the bearer token.</summary>
    public static async Task<HttpClient> SignInAsync(this WebApplicationFactory<Program> host, string email, string password = "Demo@12345")
    {
        var client = host.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>A browser of <paramref name="host"/> holding the sign-in cookie (as the pages need), not following redirects.</summary>
    public static async Task<HttpClient> BrowserAsync(this WebApplicationFactory<Program> host, string email, string password = "Demo@12345")
    {
        var browser = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password })).EnsureSuccessStatusCode();
        return browser;
    }

    private sealed record TokenResponse(string AccessToken);
}
