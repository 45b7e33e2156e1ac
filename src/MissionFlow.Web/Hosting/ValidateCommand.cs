using MissionFlow.Engine.Calendar;

namespace MissionFlow.Web.Hosting;

/// <summary>
/// `validate [folder]`: checks a folder of workflow definitions and its calendars/ without starting the server. Without a folder it
/// takes the nearest "workflows" folder at or above the working directory (`dotnet run` starts in the project's
/// folder, two levels below the repo's). Exit code 0 when every file is valid, 1 otherwise.
/// </summary>
public static class ValidateCommand
{
    public const string Name = "validate";

    public static int Run(string[] args)
    {
        var folder = args.Length > 1 ? Path.GetFullPath(args[1]) : NearestWorkflowsFolder();
        var definitions = WorkflowFolder.LoadOrReport(folder, Console.Error);
        if (definitions is null)
            return 1;
        foreach (var d in definitions)
            Console.WriteLine($"ok  {d.Id} v{d.Version}  {d.Hash[..12]}  {Path.GetFileName(d.SourceFile)}");
        var calendars = CalendarFiles.Load(Path.Combine(folder, CalendarFiles.FolderName));
        foreach (var error in calendars.Errors)
            Console.Error.WriteLine($"  {error}");
        foreach (var year in calendars.Years)
            Console.WriteLine($"ok  calendar {year.Year}  {year.Holidays.Count} days off, {year.ExtraWorkingDays.Count} worked");
        return calendars.Succeeded ? 0 : 1;
    }

    private static string NearestWorkflowsFolder()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "workflows")))
                return Path.Combine(dir.FullName, "workflows");
        return Path.GetFullPath("workflows");
    }
}
