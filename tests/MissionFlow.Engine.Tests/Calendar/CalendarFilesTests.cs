using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Tests.Support;

namespace MissionFlow.Engine.Tests.Calendar;

public sealed class CalendarFilesTests
{
    private static readonly Lazy<WorkingCalendar> Shipped = new(() =>
        CalendarFiles.Merge(CalendarFiles.Load(Path.Combine(RepoFolder.Workflows, CalendarFiles.FolderName)), [], []));

    [Fact]
    public void The_repo_ships_a_calendar_for_each_year_2025_to_2027()
    {
        var years = CalendarFiles.Load(Path.Combine(RepoFolder.Workflows, CalendarFiles.FolderName)).Select(f => f.Year);

        Assert.Equal([2025, 2026, 2027], years);
    }

    [Theory]
    [InlineData("2025-01-29")] // Tết Ất Tỵ
    [InlineData("2025-05-02")] // swapped with Saturday 26 April
    [InlineData("2025-09-01")] // the day next to National Day
    [InlineData("2026-02-17")] // Tết Bính Ngọ
    [InlineData("2026-04-27")] // Hùng Kings fell on a Sunday: Monday off in lieu
    [InlineData("2027-05-03")] // 1 May 2027 is a Saturday
    public void Holidays_and_days_off_in_lieu_are_not_working_days(string date) =>
        Assert.False(Shipped.Value.IsWorkingDay(DateOnly.Parse(date)));

    [Fact]
    public void A_make_up_Saturday_is_a_working_day()
    {
        Assert.True(Shipped.Value.IsWorkingDay(new DateOnly(2025, 4, 26)));
        Assert.False(Shipped.Value.IsWorkingDay(new DateOnly(2025, 4, 19)));
    }

    [Fact]
    public void Working_days_count_across_Tet()
    {
        // Friday 13 February 2026 plus three working days: Tết takes the whole next week.
        Assert.Equal(new DateOnly(2026, 2, 25), Shipped.Value.Add(new DateOnly(2026, 2, 13), MissionFlow.Engine.Definitions.DayOffset.Parse("+3wd")));
    }

    [Fact]
    public void A_file_with_a_date_outside_its_year_is_refused_with_its_name()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "vn-2030.json"), """{ "year": 2030, "holidays": [ { "date": "2031-01-01", "name": "x" } ], "extraWorkingDays": [] }""");

        var error = Assert.Throws<InvalidDataException>(() => CalendarFiles.Load(folder.Path));

        Assert.Contains("vn-2030.json", error.Message);
    }
}
