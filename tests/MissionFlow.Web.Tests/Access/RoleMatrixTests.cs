using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace MissionFlow.Web.Tests.Access;

/// <summary>
/// The README's roles × actions table, read from the README and tried: each route as each column's person, on a
/// mission over two agencies. A cell ✓ must pass the access rules (any answer but 401, 403 and 404); a cell — must
/// be refused by them. The table cannot drift from what the app does.
/// </summary>
public sealed partial class RoleMatrixTests
{
    public static TheoryData<string> Providers() => PostgresServer.Providers();

    private static readonly string[] Columns = ["admin", "committee", "delegation (listed)", "delegation (not listed)", "agency (own)", "agency (other)"];

    [Theory, MemberData(nameof(Providers))]
    public async Task The_README_table_of_roles_and_actions_is_what_the_app_does(string provider)
    {
        var rows = ReadTable();
        Assert.True(rows.Count >= 15, "the README's roles × actions table was not found");

        await using var app = new MissionFlowApp(provider);
        var world = new SharedMission(app);
        await world.BuildAsync();
        var people = new Dictionary<string, HttpClient>
        {
            ["admin"] = await app.SignInAsync(Demo.Admin),
            ["committee"] = world.Committee,
            ["delegation (listed)"] = await app.SignInAsync(SharedMission.ListedHead, SharedMission.Password),
            ["delegation (not listed)"] = await app.SignInAsync(SharedMission.UnlistedHead, SharedMission.Password),
            ["agency (own)"] = await app.SignInAsync(Demo.AgencyOfficer),
            ["agency (other)"] = await app.SignInAsync(SharedMission.OfficerB, SharedMission.Password),
        };

        var wrong = new List<string>();
        foreach (var row in rows)
        {
            var url = row.Path.Replace("{mission}", world.MissionId).Replace("{recommendation}", world.RecommendationA)
                .Replace("{report}", world.ReportA).Replace("{evidence}", world.EvidenceA).Replace("{task}", world.OfficeTaskA);
            Assert.DoesNotContain("{", url);
            // Refusals first: a person the table refuses must not act before those it allows change the state.
            foreach (var (column, allowed) in row.Cells.OrderBy(c => c.Allowed))
            {
                using var request = new HttpRequestMessage(new HttpMethod(row.Method), url) { Content = row.Method == "GET" ? null : Body(url) };
                using var response = await people[column].SendAsync(request);
                var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound;
                if (refused == allowed)
                    wrong.Add($"{row.Method} {row.Path} as {column}: {(int)response.StatusCode}, the README says {(allowed ? "✓" : "—")}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static HttpContent Body(string url)
    {
        var fields = new Dictionary<string, string> { ["comment"] = "Đã thực hiện", ["reason"] = "Lý do", ["result"] = "done", ["newDeadline"] = "2027-12-31", ["percent"] = "50" };
        if (url.EndsWith("/complete", StringComparison.Ordinal))
            return new MultipartFormDataContent
            {
                { new ByteArrayContent("%PDF-1.4 công văn"u8.ToArray()), "file", "cong-van.pdf" },
                { new StringContent("245/HĐND-VP"), "documentNumber" },
                { new StringContent(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), "documentDate" },
                { new StringContent("Nguyễn Văn A"), "signer" },
            };
        if (!url.EndsWith("/evidence", StringComparison.Ordinal) && !url.EndsWith("/documents", StringComparison.Ordinal))
            return JsonContent.Create(fields);
        return new MultipartFormDataContent
        {
            { new ByteArrayContent("%PDF-1.4 biên bản"u8.ToArray()), "file", "bien-ban.pdf" },
            { new StringContent("minutes"), "kind" },
        };
    }

    private sealed record Row(string Method, string Path, IReadOnlyList<(string Column, bool Allowed)> Cells);

    private static List<Row> ReadTable()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoFolder.Root, "README.md"));
        var header = Array.FindIndex(lines, l => l.StartsWith("| action | route |", StringComparison.Ordinal));
        Assert.True(header >= 0, "README.md has no '| action | route |' table");
        Assert.Equal(Columns, Cells(lines[header]).Skip(2));
        var rows = new List<Row>();
        foreach (var line in lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')))
        {
            var cells = Cells(line);
            var route = RouteCell().Match(cells[1]);
            Assert.True(route.Success, $"README: no `METHOD /path` in '{line}'");
            rows.Add(new Row(route.Groups[1].Value, route.Groups[2].Value,
                Columns.Select((c, i) => (c, cells[i + 2].StartsWith('✓'))).ToList()));
        }
        return rows;
    }

    private static List<string> Cells(string line) => line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToList();

    [GeneratedRegex(@"^`(GET|POST|PUT|DELETE) (/[^`]+)`$")]
    private static partial Regex RouteCell();
}
