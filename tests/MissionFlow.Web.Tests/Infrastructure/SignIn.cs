using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MissionFlow.Web.Tests.Infrastructure;

public static class SignIn
{
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
