using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.Desk;
using MissionFlow.Engine.Calendar;

namespace MissionFlow.Web.Tests.Desk;

/// <summary>
/// The committee's desk, computed in SQL and kept between views: a verification shows on it at once, and it names
/// the first items due soon with a link to the list holding all of them.
/// </summary>
public sealed partial class DeskTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly MissionFlowApp app = shared.App;

    [Fact]
    public async Task A_recommendation_verified_done_counts_as_closed_on_time_on_the_next_view_of_the_desk()
    {
        var committee = await app.SignInAsync(Demo.Committee);
        var officer = await app.SignInAsync(Demo.AgencyOfficer);
        var desk = await app.SignInPagesAsync(Demo.Committee);
        var issued = await IssuedMission.IssueAsync(committee, "GS-BANLAMVIEC-2026", Today(),
            [new(await IssuedMission.AgencyIdAsync(committee), "Rà soát quy trình tiếp nhận hồ sơ.", Today().AddDays(30))]);
        var before = ClosedOnTime(await desk.GetStringAsync("/"));

        await IssuedMission.CloseAsDoneAsync(officer, committee, issued.RecommendationIds()[0]);

        var after = ClosedOnTime(await desk.GetStringAsync("/"));
        Assert.Equal((before.OnTime + 1, before.Closed + 1), after);
    }

    [Fact]
    public async Task The_desk_names_the_first_items_due_soon_and_links_to_the_list_of_all_of_them()
    {
        var committee = await app.SignInAsync(Demo.Committee);
        var desk = await app.SignInPagesAsync(Demo.Committee);
        var agency = await IssuedMission.AgencyIdAsync(committee);
        await IssuedMission.IssueAsync(committee, "GS-SAPDENHAN-2026", Today(),
            Enumerable.Range(1, DeskQuery.DueSoonShown + 5).Select(n => new NewRecommendation(agency, $"Kiến nghị sắp đến hạn số {n}", Today().AddDays(1 + n % 10))).ToList());
        var dueSoon = (await committee.GetJsonAsync($"/api/recommendations?dueWithinDays={DeskQuery.UpcomingDays}&pageSize=1")).GetProperty("total").GetInt32();

        var page = await desk.GetStringAsync("/");

        Assert.Equal(DeskQuery.DueSoonShown, RecommendationRows().Count(page));
        var more = MoreLink().Match(page);
        Assert.True(more.Success, "the desk links to the rest of the items due soon");
        Assert.Equal(dueSoon - DeskQuery.DueSoonShown, int.Parse(more.Groups["more"].Value, CultureInfo.InvariantCulture));
        var list = await desk.GetStringAsync(WebUtility.HtmlDecode(more.Groups["link"].Value));
        Assert.Equal(dueSoon, int.Parse(FirstNumber().Match(InboxCount().Match(list).Groups[1].Value).Value, CultureInfo.InvariantCulture));
    }

    private DateOnly Today() => app.Services.GetRequiredService<CouncilClock>().LocalDate(DateTimeOffset.UtcNow);

    private static (int OnTime, int Closed) ClosedOnTime(string desk)
    {
        var figures = OnTimeOf().Match(desk);
        Assert.True(figures.Success, "the desk shows how many closed items were closed on time");
        return (int.Parse(figures.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(figures.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("""data-testid="closed-on-time">(\d+)/(\d+)""")]
    private static partial Regex OnTimeOf();

    [GeneratedRegex("""data-testid="upcoming-item"><td>[^<]*</td><td>[^<]*</td><td><a href="/Recommendations/Details/""")]
    private static partial Regex RecommendationRows();

    [GeneratedRegex("""<a href="(?<link>[^"]+)" data-testid="more-due-soon">\D*(?<more>\d+)""")]
    private static partial Regex MoreLink();

    [GeneratedRegex("""data-testid="inbox-count">([^<]+)<""")]
    private static partial Regex InboxCount();

    [GeneratedRegex(@"\d+")]
    private static partial Regex FirstNumber();
}
