using Microsoft.Playwright;
using MissionFlow.Core.Seeding;

namespace MissionFlow.Ui.Tests.Security;

/// <summary>
/// The main pages under the real Content-Security-Policy, in a real browser: a style, script, font or image the
/// policy blocks leaves a page broken with no error anywhere but the browser's console, so a violation fails here.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class ContentSecurityPolicyTests(UiHost host)
{
    private const string Prefix = "csp-violation:";

    [Fact]
    public async Task The_committee_pages_break_no_rule_of_the_policy()
    {
        var (page, violations) = await WatchAsync(await host.SignInAsync(Demo.Committee));
        await page.GotoAsync("/Missions?q=GS-2018");
        await page.ClickAsync("a:has-text('GS-2018-CCHC-SCT')");
        var mission = page.Url;
        await page.GotoAsync("/Recommendations");
        await page.Locator($"[data-testid=inbox-item]:has-text('{ReferenceMission.Code} #') a[href^='/Recommendations/Details/']").First.ClickAsync();
        await page.WaitForURLAsync("**/Recommendations/Details/**");
        var recommendation = page.Url;

        await VisitAsync(page, violations, "/", "/Missions", mission, "/Missions/Create", "/Recommendations", recommendation, "/Status/404");
    }

    [Fact]
    public async Task The_admin_pages_the_jobs_dashboard_and_the_API_reference_break_no_rule_of_the_policy()
    {
        var (page, violations) = await WatchAsync(await host.SignInAsync(Demo.Admin));
        await VisitAsync(page, violations, "/Admin", "/Admin/Accounts", "/Admin/Agencies", "/Admin/Workflows", "/Admin/Mail", "/hangfire", "/hangfire/recurring");

        await VisitAsync(page, violations, "/docs/");
        // The reference is drawn by its script: a listed route shows the script ran under the policy.
        await page.GetByText("/api/auth/login").First.WaitForAsync();
        await Screenshots.SaveAsync(page, "api-reference");
        AssertNone(violations);
    }

    [Fact]
    public async Task The_sign_in_page_breaks_no_rule_of_the_policy()
    {
        var (page, violations) = await WatchAsync(await host.NewPageAsync());
        await VisitAsync(page, violations, "/Account/SignIn");
        await page.SignInHereAsync(Demo.AgencyOfficer);
        await VisitAsync(page, violations, "/Recommendations");
    }

    /// <summary>Reports each violation the page's documents see to the console, whose messages are kept.</summary>
    private static async Task<(IPage, List<string>)> WatchAsync(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.StartsWith(Prefix, StringComparison.Ordinal) && !IsScalarsProbe(message.Text))
                lock (violations)
                    violations.Add($"{page.Url}: {message.Text}");
        };
        // Playwright's init scripts are not subject to the page's policy, so the listener is there on every page.
        await page.Context.AddInitScriptAsync($$"""
            document.addEventListener('securitypolicyviolation', e =>
              console.error('{{Prefix}} ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
            """);
        return (page, violations);
    }

    /// <summary>
    /// Scalar's bundle (its Zod) tries Function("") once to learn whether it may compile validators, and validates
    /// without compiling when refused: the page works, and 'unsafe-eval' would allow far more than that probe.
    /// </summary>
    private static bool IsScalarsProbe(string violation) =>
        violation.StartsWith($"{Prefix} script-src blocked eval at ", StringComparison.Ordinal) && violation.Contains("/docs/scalar.js:");

    private static async Task VisitAsync(IPage page, List<string> violations, params string[] paths)
    {
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            Assert.True(response is not null && (response.Ok || path.StartsWith("/Status/", StringComparison.Ordinal)), $"{path}: {response?.Status}");
            Assert.Contains("frame-ancestors 'none'", response!.Headers.GetValueOrDefault("content-security-policy") ?? "");
        }
        AssertNone(violations);
    }

    private static void AssertNone(List<string> violations)
    {
        lock (violations)
            Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
