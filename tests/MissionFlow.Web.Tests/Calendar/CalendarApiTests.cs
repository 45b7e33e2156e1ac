using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MissionFlow.Web.Tests.Calendar;

public sealed class CalendarApiTests : IAsyncLifetime
{
    private readonly MissionFlowApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_announced_year_lists_its_days_off_and_make_up_days_with_its_source()
    {
        var officer = await _app.SignInAsync(Demo.AgencyOfficer);

        var year = await officer.GetJsonAsync("/api/calendar/2026");

        Assert.Equal(2026, year.GetProperty("year").GetInt32());
        Assert.False(year.GetProperty("provisional").GetBoolean());
        Assert.Contains("12729/VPCP-KGVX", year.GetProperty("source").GetString());
        var holidays = year.GetProperty("holidays").EnumerateArray().ToDictionary(h => h.GetProperty("date").GetString()!, h => h.GetProperty("name").GetString());
        Assert.Equal("Nghỉ hoán đổi (làm bù thứ Bảy 22/8)", holidays["2026-08-31"]);
        Assert.Contains("2026-09-01", holidays.Keys);
        Assert.Equal(["2026-01-10", "2026-08-22"], year.GetProperty("extraWorkingDays").Strings("date"));
    }

    [Fact]
    public async Task A_year_with_no_announcement_is_computed_and_provisional()
    {
        var committee = await _app.SignInAsync(Demo.Committee);

        var year = await committee.GetJsonAsync("/api/calendar/2027");

        Assert.True(year.GetProperty("provisional").GetBoolean());
        Assert.Contains(year.GetProperty("holidays").EnumerateArray(),
            h => h.GetProperty("date").GetString() == "2027-02-06" && h.GetProperty("name").GetString() == "Tết Nguyên đán (Mùng 1)");
        Assert.Empty(year.GetProperty("extraWorkingDays").EnumerateArray());
    }

    [Theory]
    [InlineData("1999")]
    [InlineData("2200")]
    [InlineData("next")]
    public async Task A_year_MissionFlow_does_not_compute_is_a_bad_request_naming_year(string year)
    {
        var committee = await _app.SignInAsync(Demo.Committee);

        var response = await committee.GetAsync($"/api/calendar/{year}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("2000", (await response.JsonAsync()).GetProperty("errors").GetProperty("year")[0].GetString());
    }

    [Fact]
    public async Task Nobody_signed_in_gets_no_calendar()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().GetAsync("/api/calendar/2026")).StatusCode);
    }

    [Fact]
    public async Task A_deadline_whose_escalations_run_into_a_provisional_year_says_so()
    {
        var officer = await _app.SignInAsync(Demo.AgencyOfficer);
        var committee = await _app.SignInAsync(Demo.Committee);
        var id = (await officer.GetJsonAsync("/api/recommendations")).GetProperty("items")[0].GetProperty("id").GetString();

        var announced = await officer.GetJsonAsync($"/api/recommendations/{id}");
        Assert.False(announced.GetProperty("countedThroughProvisionalYear").GetBoolean()); // 2018 and 2019 are announced

        await Act(officer, id, "acknowledge", new { });
        await Act(officer, id, "request-extension", new { newDeadline = "2026-12-15", reason = "Chờ kinh phí năm 2027" });
        var extended = await Act(committee, id, "grant-extension", new { });

        // 15 December 2026 is announced, but 30 working days after it (the referral) is in February 2027.
        Assert.Equal("2026-12-15", extended.GetProperty("deadline").GetString());
        Assert.True(extended.GetProperty("countedThroughProvisionalYear").GetBoolean());
    }

    private static Task<JsonElement> Act(HttpClient client, string? id, string trigger, object body) =>
        client.PostAsJsonAsync($"/api/recommendations/{id}/actions/{trigger}", body).OkJsonAsync();
}
