using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Definitions;
using MissionFlow.Engine.Tests.Support;

namespace MissionFlow.Engine.Tests.Calendar;

public sealed class CalendarFilesTests
{
    /// <summary>2030 as the law alone gives it: Mùng 1 and 2 fall on a weekend (2–3 February), Tuesday and Wednesday in lieu.</summary>
    private const string Good2030 = """
        {
          "year": 2030,
          "source": "A test announcement, no number.",
          "holidays": [
            { "date": "2030-01-01", "name": "Tết Dương lịch" },
            { "date": "2030-01-31", "name": "Tết Nguyên đán (28 tháng Chạp)" },
            { "date": "2030-02-01", "name": "Tết Nguyên đán (29 tháng Chạp)" },
            { "date": "2030-02-04", "name": "Tết Nguyên đán (Mùng 3)" },
            { "date": "2030-02-05", "name": "Nghỉ bù Tết Nguyên đán (Mùng 1, thứ Bảy 2/2)" },
            { "date": "2030-02-06", "name": "Nghỉ bù Tết Nguyên đán (Mùng 2, Chủ nhật 3/2)" },
            { "date": "2030-04-12", "name": "Giỗ Tổ Hùng Vương (10/3 âm lịch)" },
            { "date": "2030-04-30", "name": "Ngày Chiến thắng" },
            { "date": "2030-05-01", "name": "Ngày Quốc tế Lao động" },
            { "date": "2030-09-02", "name": "Quốc khánh" },
            { "date": "2030-09-03", "name": "Quốc khánh (ngày liền kề)" }
          ],
          "extraWorkingDays": []
        }
        """;

    [Fact]
    public void The_repo_announces_each_year_2018_to_2026_and_2027_is_computed()
    {
        var result = CalendarFiles.Load(ShippedCalendar.Folder);

        Assert.Empty(result.Errors);
        Assert.Equal(Enumerable.Range(2018, 9), result.Years.Select(y => y.Year));
        Assert.All(result.Years, y => Assert.False(y.Provisional));
        Assert.All(result.Years, y => Assert.Contains("/", y.Source)); // a document number: 3238/TB-LĐTBXH, 245/VPCP-KGVX...
        Assert.True(ShippedCalendar.Value.Year(2027).Provisional);
    }

    [Fact]
    public void A_well_formed_announcement_loads_as_the_year_it_names()
    {
        using var folder = new TempFolder();
        folder.Write("vn-2030.json", Good2030);

        var year = Assert.Single(CalendarFiles.Load(folder.Path).Years);

        Assert.Equal(2030, year.Year);
        Assert.False(year.Provisional);
        Assert.Equal(11, year.Holidays.Count);
    }

    [Fact]
    public void Working_days_count_across_Tet()
    {
        // Friday 13 February 2026 plus three working days: Tết takes the whole next week.
        Assert.Equal(new DateOnly(2026, 2, 25), ShippedCalendar.Value.Add(new DateOnly(2026, 2, 13), DayOffset.Parse("+3wd")));
    }

    [Theory]
    [InlineData("\"2030-09-03\", \"name\": \"Quốc khánh (ngày liền kề)\"", "\"2031-01-01\", \"name\": \"x\"", "$.holidays[10].date", 15, "2031-01-01 (x) is not in 2030.")]
    [InlineData("\"Tết Nguyên đán (29 tháng Chạp)\"", "\"Tết Nguyên đán (28 tháng Chạp)\"", "$.holidays[2].name", 7, "2030-02-01 is 29/12 in the lunar calendar.")]
    [InlineData("{ \"date\": \"2030-04-12\", \"name\": \"Giỗ Tổ Hùng Vương (10/3 âm lịch)\" },", "", "$.holidays", 4, "2030-04-12 (Giỗ Tổ Hùng Vương (10/3 âm lịch)) is a holiday under Labour Code 2019, Art. 112")]
    [InlineData("\"extraWorkingDays\": []", "\"extraWorkingDays\": [ { \"date\": \"2030-02-07\", \"name\": \"Làm bù\" } ]", "$.extraWorkingDays[0].date", 17, "2030-02-07 is a Thursday: a make-up working day is a Saturday or Sunday.")]
    [InlineData("\"source\": \"A test announcement, no number.\",", "", "$", 1, "Required properties [\"source\"] are not present")]
    [InlineData("\"2030-04-30\"", "\"2030-4-30\"", "$.holidays[7].date", 12, "(pattern)")]
    public void A_bad_announcement_is_refused_naming_file_path_and_line(string find, string replace, string path, int line, string message)
    {
        using var folder = new TempFolder();
        var text = Good2030.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Good2030, text);
        folder.Write("vn-2030.json", text);

        var result = CalendarFiles.Load(folder.Path);

        Assert.Empty(result.Years);
        var error = Assert.Single(result.Errors);
        Assert.EndsWith("vn-2030.json", error.File);
        Assert.Equal(path, error.JsonPath);
        Assert.Equal(line, error.Line);
        Assert.True(error.Message.Contains(message, StringComparison.Ordinal), error.Message);
    }

    [Fact]
    public void The_old_2025_names_of_the_last_days_of_Giap_Thin_are_refused()
    {
        using var folder = new TempFolder();
        var shipped = File.ReadAllText(Path.Combine(ShippedCalendar.Folder, "vn-2025.json"));
        folder.Write("vn-2025.json", shipped.Replace("(28 tháng Chạp)", "(27 tháng Chạp)").Replace("(29 tháng Chạp)", "(28 tháng Chạp)"));

        var errors = CalendarFiles.Load(folder.Path).Errors;

        Assert.Equal(["$.holidays[1].name", "$.holidays[2].name"], errors.Select(e => e.JsonPath));
        Assert.Contains("2025-01-27 is 28/12 in the lunar calendar", errors[0].Message);
        Assert.Contains("2025-01-28 is 29/12 in the lunar calendar", errors[1].Message);
    }

    [Fact]
    public void Two_files_for_one_year_are_refused()
    {
        using var folder = new TempFolder();
        folder.Write("vn-2030.json", Good2030);
        folder.Write("vn-2030b.json", Good2030);

        var error = Assert.Single(CalendarFiles.Load(folder.Path).Errors);

        Assert.Contains("2030 is announced in vn-2030.json already", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_JSON_is_refused_with_its_line()
    {
        using var folder = new TempFolder();
        folder.Write("vn-2030.json", Good2030.Replace("\"Ngày Chiến thắng\" },", "\"Ngày Chiến thắng\" }"));

        var error = Assert.Single(CalendarFiles.Load(folder.Path).Errors);

        Assert.StartsWith("Not valid JSON", error.Message);
        Assert.Equal(13, error.Line); // where the missing comma was due
    }
}
