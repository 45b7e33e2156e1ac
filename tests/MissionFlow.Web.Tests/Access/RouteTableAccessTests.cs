using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace MissionFlow.Web.Tests.Access;

/// <summary>
/// Every route of the app's own route table, GET and POST, API and page handler, tried with the ids of agency A's
/// things on a mission shared with agency B: B's officer gets "not found" or "forbidden" or a view without a word of
/// A's, and changes nothing; a delegation head not listed on the mission reads it but changes nothing.
/// </summary>
public sealed partial class RouteTableAccessTests
{
    public static TheoryData<string> Providers() => PostgresServer.Providers();

    /// <summary>
    /// Routes that act on no mission: the caller's own account (sign-in, language) and the status page that renders an
    /// error for any method. Any answer is fine there, if it leaks nothing.
    /// </summary>
    private static bool ActsOnNoMission(RouteProbe route) =>
        route.Pattern.StartsWith("api/auth", StringComparison.Ordinal) || route.Pattern.StartsWith("Account/", StringComparison.Ordinal)
        || route.Pattern.StartsWith("Status/", StringComparison.Ordinal);

    [Theory, MemberData(nameof(Providers))]
    public async Task Agency_B_gets_nothing_of_agency_A_on_any_route(string provider)
    {
        await using var app = new MissionFlowApp(provider);
        var world = new SharedMission(app);
        await world.BuildAsync();
        var before = await world.FingerprintAsync();
        var b = await Caller.SignInAsync(app, SharedMission.OfficerB, SharedMission.Password);

        var checkedRoutes = 0;
        foreach (var route in await RoutesAsync(app))
            foreach (var (url, trigger) in Requests(route, world))
            {
                var (status, body) = await b.SendAsync(route, url, trigger);
                var what = $"{route} as {url} (trigger {trigger}): {status}";
                Assert.False(body.Contains(SharedMission.Secret, StringComparison.OrdinalIgnoreCase), $"{what} shows A's text");
                Assert.False(body.Contains(SharedMission.SecretAscii, StringComparison.OrdinalIgnoreCase), $"{what} shows A's file");
                if (TouchesAItem(url, world))
                    Assert.True(status is HttpStatusCode.NotFound, $"{what}: A's item must be 'not found' to B");
                if (route.IsCommand && !ActsOnNoMission(route))
                    Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Unauthorized, $"{what}: B may not act here");
                checkedRoutes++;
            }

        Assert.True(checkedRoutes > 60, $"only {checkedRoutes} requests: the route table was not read");
        Assert.Equal(before, await world.FingerprintAsync());

        // The filtered view: B sees the shared mission with its own item only, and only the public documents.
        var mission = await b.Api.GetJsonAsync($"/api/missions/{world.MissionId}");
        Assert.Equal([world.RecommendationB], mission.GetProperty("recommendations").Strings("id"));
        Assert.Equal(1, mission.GetProperty("rollup").GetProperty("total").GetInt32());
        Assert.Equal([world.PlanDocument], (await b.Api.GetJsonAsync($"/api/missions/{world.MissionId}/documents")).Strings("id"));
        var listed = (await b.Api.GetJsonAsync("/api/missions")).GetProperty("items");
        Assert.Equal(1, Assert.Single(listed.EnumerateArray()).GetProperty("recommendations").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_delegation_head_not_listed_on_the_mission_reads_it_and_changes_nothing(string provider)
    {
        await using var app = new MissionFlowApp(provider);
        var world = new SharedMission(app);
        await world.BuildAsync();
        var before = await world.FingerprintAsync();
        var outsider = await Caller.SignInAsync(app, SharedMission.UnlistedHead, SharedMission.Password);

        var commands = 0;
        foreach (var route in (await RoutesAsync(app)).Where(r => r.IsCommand && !ActsOnNoMission(r)))
            foreach (var (url, trigger) in Requests(route, world).Where(r => r.Url.Contains(world.MissionId) || r.Url.Contains(world.RecommendationA)))
            {
                var (status, _) = await outsider.SendAsync(route, url, trigger);
                Assert.True(status is HttpStatusCode.Forbidden, $"{route} as {url} (trigger {trigger}): {status}; only the mission's delegation acts on it");
                commands++;
            }
        Assert.True(commands > 20, $"only {commands} commands tried");
        Assert.Equal(before, await world.FingerprintAsync());
        Assert.Equal(HttpStatusCode.OK, (await outsider.Api.GetAsync($"/api/recommendations/{world.RecommendationA}")).StatusCode);
        Assert.Empty((await outsider.Api.GetJsonAsync($"/api/missions/{world.MissionId}/actions")).EnumerateArray());

        // The head the delegation lists acts: the same upload the outsider was refused.
        var listed = await Caller.SignInAsync(app, SharedMission.ListedHead, SharedMission.Password);
        using var form = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4"u8.ToArray()), "file", "bien-ban.pdf" }, { new StringContent("minutes"), "kind" } };
        Assert.Equal(HttpStatusCode.Created, (await listed.Api.PostAsync($"/api/missions/{world.MissionId}/documents", form)).StatusCode);
    }

    private static async Task<IReadOnlyList<RouteProbe>> RoutesAsync(MissionFlowApp app)
    {
        var routes = await RouteTable.ReadAsync(app.Services);
        // Signing out ends the session the other requests ride on: it goes last.
        return routes.OrderBy(r => r.Pattern.Contains("SignOut")).ToList();
    }

    private static bool TouchesAItem(string url, SharedMission world) =>
        url.Contains(world.RecommendationA) || url.Contains(world.EvidenceA) || url.Contains(world.ReportA);

    /// <summary>
    /// The URLs to try for a route: its parameters filled with A's ids, once per trigger of the workflows where the
    /// route takes one. A parameter this test does not know fails it, so a new kind of route is thought about.
    /// </summary>
    private static IEnumerable<(string Url, string? Trigger)> Requests(RouteProbe route, SharedMission world)
    {
        // An acknowledge link carries its own signed token naming one person; AckLinkTests tries it for others.
        if (route.Pattern.StartsWith("ack/", StringComparison.Ordinal))
            yield break;
        var onRecommendation = route.Pattern.Contains("ecommendations/", StringComparison.Ordinal);
        string Value(string name) => name switch
        {
            "id" when onRecommendation => world.RecommendationA,
            "id" when route.Pattern.StartsWith("api/agencies", StringComparison.Ordinal) => world.AgencyA,
            "id" when route.Pattern.StartsWith("api/workflows", StringComparison.Ordinal) => "recommendation-followup",
            "id" when route.Pattern.StartsWith("api/office-tasks", StringComparison.Ordinal) => world.OfficeTaskA,
            "id" => world.MissionId,
            "fileId" => onRecommendation ? world.EvidenceA : world.ReportA,
            "version" => "1",
            "code" => "404",
            "documentName" => "v1",
            "year" => "2026",
            "path" => "",
            "trigger" => "{trigger}",
            "kind" => "conclusion-notice",
            _ => throw new Xunit.Sdk.XunitException($"{route}: this test does not know what to put in '{{{name}}}'; teach it which of agency A's ids belongs there."),
        };
        var path = "/" + RouteTable.Fill(route.Pattern, Value);
        var query = new List<string>();
        if (route.Handler is not null)
            query.Add($"handler={route.Handler}");
        if (route.Pattern.StartsWith("OfficeTasks", StringComparison.Ordinal))
            query.Add($"taskId={world.OfficeTaskA}");
        if (route.Parameters.Contains("fileId"))
            query.Add($"fileId={(onRecommendation ? world.EvidenceA : world.ReportA)}");
        query.Add("format=csv");
        var url = $"{path}?{string.Join("&", query)}";
        if (!url.Contains("{trigger}") && !route.Parameters.Contains("trigger"))
        {
            yield return (url, null);
            yield break;
        }
        foreach (var trigger in Triggers)
            yield return (url.Replace("{trigger}", trigger), trigger);
    }

    private static readonly string[] Triggers =
    [
        "approve-plan", "request-report", "hold-onsite", "draft-conclusion", "issue-conclusion", "close", "plan-resupervision", "cancel",
        "acknowledge", "report-progress", "request-extension", "grant-extension", "refuse-extension", "submit", "verify", "reopen",
    ];

    /// <summary>A signed-in person with both doors: the bearer token for the API, the cookie (and its antiforgery token) for pages.</summary>
    private sealed partial class Caller
    {
        public HttpClient Api { get; private init; } = null!;
        private HttpClient Browser { get; init; } = null!;
        private string Antiforgery { get; set; } = "";

        public static async Task<Caller> SignInAsync(MissionFlowApp app, string email, string password)
        {
            var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var caller = new Caller { Api = await app.SignInAsync(email, password), Browser = browser };
            await caller.RefreshTokenAsync("/Account/SignIn");
            var signIn = await browser.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = caller.Antiforgery,
            }));
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            await caller.RefreshTokenAsync("/Missions");
            return caller;
        }

        public async Task<(HttpStatusCode Status, string Body)> SendAsync(RouteProbe route, string url, string? trigger)
        {
            var client = route.IsApi ? Api : Browser;
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), url) { Content = route.IsCommand ? Body(route, trigger) : null };
            using var response = await client.SendAsync(request);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            return (response.StatusCode, Text(bytes));
        }

        private HttpContent Body(RouteProbe route, string? trigger)
        {
            var fields = new Dictionary<string, string>
            {
                ["comment"] = "thử", ["reason"] = "thử", ["result"] = "done", ["newDeadline"] = "2027-12-31", ["percent"] = "50",
                ["kind"] = "plan", ["trigger"] = trigger ?? "close", ["__RequestVerificationToken"] = Antiforgery,
            };
            if (!route.Multipart)
                return JsonContent.Create(fields);
            var form = new MultipartFormDataContent();
            foreach (var (name, value) in fields)
                form.Add(new StringContent(value), name);
            form.Add(new ByteArrayContent("%PDF-1.4"u8.ToArray()), "file", "thu.pdf");
            form.Add(new ByteArrayContent("%PDF-1.4"u8.ToArray()), "files", "thu.pdf");
            return form;
        }

        private async Task RefreshTokenAsync(string page)
        {
            var html = await Browser.GetStringAsync(page);
            Antiforgery = TokenField().Match(html).Groups[1].Value;
            Assert.NotEmpty(Antiforgery);
        }

        /// <summary>The body as text; a workbook (a zip) is read entry by entry, so a leak inside an export is found too.</summary>
        private static string Text(byte[] bytes)
        {
            if (bytes is not [(byte)'P', (byte)'K', ..])
                return Encoding.UTF8.GetString(bytes);
            using var zip = new ZipArchive(new MemoryStream(bytes));
            var text = new StringBuilder();
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                text.Append(reader.ReadToEnd());
            }
            return text.ToString();
        }

        [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
        private static partial Regex TokenField();
    }
}
