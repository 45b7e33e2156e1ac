using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace MissionFlow.Web.Tests.Hosting;

/// <summary>The headers every answer carries, whatever produced it.</summary>
public sealed partial class SecurityHeadersTests : IAsyncLifetime
{
    private readonly MissionFlowApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Pages_API_static_files_status_pages_and_the_dashboard_all_carry_the_policy_and_the_headers()
    {
        var anonymous = _app.CreateClient(new() { AllowAutoRedirect = false });
        var admin = _app.CreateClient(new() { AllowAutoRedirect = false });
        await admin.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = Demo.Admin, password = "Demo@12345" });

        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["sign-in page"] = await anonymous.GetAsync("/Account/SignIn"),
            ["API refusal"] = await anonymous.GetAsync("/api/missions"),
            ["API"] = await admin.GetAsync("/api/missions"),
            ["health"] = await anonymous.GetAsync("/health"),
            ["stylesheet"] = await anonymous.GetAsync("/missionflow.css"),
            ["status page"] = await admin.GetAsync("/Missions/Details/00000000-0000-0000-0000-000000000000"),
            ["redirect"] = await anonymous.GetAsync("/Missions"),
            ["dashboard"] = await admin.GetAsync("/hangfire"),
            ["API reference"] = await anonymous.GetAsync("/docs/"),
        };

        foreach (var (what, answer) in answers)
        {
            var policy = string.Join(";", answer.Headers.GetValues("Content-Security-Policy"));
            foreach (var directive in new[] { "default-src 'self'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'", "object-src 'none'" })
                Assert.True(policy.Contains(directive), $"{what}: {policy}");
            Assert.True(answer.Headers.GetValues("X-Content-Type-Options").Single() == "nosniff", what);
            Assert.True(answer.Headers.GetValues("X-Frame-Options").Single() == "DENY", what);
            Assert.True(answer.Headers.GetValues("Referrer-Policy").Single() == "same-origin", what);
        }
        Assert.Equal(HttpStatusCode.NotFound, answers["status page"].StatusCode);
        Assert.Equal(HttpStatusCode.OK, answers["dashboard"].StatusCode);
        // MissionFlow's own pages allow no inline script or style at all.
        Assert.DoesNotContain("unsafe-inline", answers["sign-in page"].Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task The_API_reference_runs_only_the_script_bearing_this_answers_nonce()
    {
        var client = _app.CreateClient();
        var first = await client.GetAsync("/docs/");
        var second = await client.GetAsync("/docs/");

        var nonce = ScriptNonce().Match(await first.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"script-src 'self' 'nonce-{nonce}'", first.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain(nonce, second.Headers.GetValues("Content-Security-Policy").Single());
    }

    [GeneratedRegex("<script[^>]* nonce=\"([^\"]+)\"")]
    private static partial Regex ScriptNonce();
}
