namespace MissionFlow.Bench;

/// <summary>The repository root, found by walking up from the program's folder to the one holding MissionFlow.sln.</summary>
public static class RepoFolder
{
    public static string Root { get; } = Find();

    public static string Workflows => Path.Combine(Root, "workflows");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MissionFlow.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No MissionFlow.sln above {AppContext.BaseDirectory}: run the bench from inside the repository.");
    }
}
