namespace MissionFlow.Web.Hosting;

/// <summary>
/// `missionflow validate [folder]`: checks a folder of workflow definitions without starting the server.
/// Exit code 0 when every file is valid, 1 otherwise.
/// </summary>
public static class ValidateCommand
{
    public const string Name = "validate";

    public static int Run(string[] args)
    {
        var folder = Path.GetFullPath(args.Length > 1 ? args[1] : "workflows");
        var definitions = WorkflowFolder.LoadOrReport(folder, Console.Error);
        if (definitions is null)
            return 1;
        foreach (var d in definitions)
            Console.WriteLine($"ok  {d.Id} v{d.Version}  {d.Hash[..12]}  {Path.GetFileName(d.SourceFile)}");
        return 0;
    }
}
