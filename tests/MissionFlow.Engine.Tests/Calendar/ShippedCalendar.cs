using MissionFlow.Engine.Calendar;

namespace MissionFlow.Engine.Tests.Calendar;

/// <summary>The calendar the repo ships: workflows/calendars/ loaded as the server loads it.</summary>
internal static class ShippedCalendar
{
    public static string Folder => Path.Combine(RepoFolder.Workflows, CalendarFiles.FolderName);

    private static readonly Lazy<WorkingCalendar> Loaded = new(() =>
    {
        var result = CalendarFiles.Load(Folder);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return WorkingCalendar.Vietnam(result.Years, [], []);
    });

    public static WorkingCalendar Value => Loaded.Value;
}
