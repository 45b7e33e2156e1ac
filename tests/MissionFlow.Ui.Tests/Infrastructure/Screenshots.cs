using Microsoft.Playwright;

namespace MissionFlow.Ui.Tests.Infrastructure;

/// <summary>Saves full-page screenshots to tests/artifacts/ (git-ignored), which CI keeps for people to look at.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Locate();

    public static async Task SaveAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, $"{name}.png"), FullPage = true });

    private static string Locate()
    {
        var folder = Path.Combine(RepoFolder.Root, "tests", "artifacts");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
