using MissionFlow.Engine.Definitions;

namespace MissionFlow.Engine.Tests.Definitions;

public sealed class DayOffsetTests
{
    [Theory]
    [InlineData("-15wd", -15, true)]
    [InlineData("+1d", 1, false)]
    [InlineData("3wd", 3, true)]
    [InlineData("0d", 0, false)]
    [InlineData("-0wd", 0, true)]
    [InlineData("+9999d", 9999, false)]
    public void Parses_signed_days_and_unit(string text, int days, bool workingDays)
    {
        Assert.True(DayOffset.TryParse(text, out var offset));
        Assert.Equal(new DayOffset(days, workingDays), offset);
        Assert.Equal(offset, DayOffset.Parse(text));
    }

    [Theory]
    [InlineData("-15 days")]
    [InlineData("15x")]
    [InlineData("15")]
    [InlineData("wd")]
    [InlineData("")]
    [InlineData(" 1d")]
    [InlineData("1d ")]
    [InlineData("+-1d")]
    [InlineData("1.5d")]
    [InlineData("10000d")]
    [InlineData("-15WD")]
    [InlineData("1w")]
    public void Rejects_anything_else(string text)
    {
        Assert.False(DayOffset.TryParse(text, out var offset));
        Assert.Equal(default(DayOffset), offset);
        var error = Assert.Throws<FormatException>(() => DayOffset.Parse(text));
        Assert.Contains($"'{text}'", error.Message);
    }

    [Theory]
    [InlineData(-15, true, "-15wd")]
    [InlineData(1, false, "+1d")]
    [InlineData(0, true, "+0wd")]
    [InlineData(30, true, "+30wd")]
    [InlineData(-1, false, "-1d")]
    public void Formats_with_an_explicit_sign(int days, bool workingDays, string text)
    {
        Assert.Equal(text, new DayOffset(days, workingDays).ToString());
    }

    [Theory]
    [InlineData("-15wd")]
    [InlineData("-7wd")]
    [InlineData("-3wd")]
    [InlineData("+1d")]
    [InlineData("+3wd")]
    [InlineData("+10wd")]
    [InlineData("+30wd")]
    [InlineData("-1d")]
    public void Canonical_text_round_trips(string text)
    {
        Assert.Equal(text, DayOffset.Parse(text).ToString());
    }

    [Fact]
    public void Every_value_in_range_round_trips_through_its_text()
    {
        for (var days = -9999; days <= 9999; days += 37)
            foreach (var workingDays in new[] { true, false })
            {
                var offset = new DayOffset(days, workingDays);
                Assert.Equal(offset, DayOffset.Parse(offset.ToString()));
            }
    }
}
