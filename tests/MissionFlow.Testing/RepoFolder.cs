namespace MissionFlow.Testing;

/// <summary>The repository, found from the test binaries, so no test depends on where the repo is checked out.</summary>
public static class RepoFolder
{
    private static readonly Lazy<string> RootDirectory = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MissionFlow.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds MissionFlow.sln.");
    });

    public static string Root => RootDirectory.Value;

    public static string Workflows => Path.Combine(Root, "workflows");
}
