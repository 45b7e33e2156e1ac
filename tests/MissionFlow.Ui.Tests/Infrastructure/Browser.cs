using Microsoft.Playwright;

namespace MissionFlow.Ui.Tests.Infrastructure;

/// <summary>Debian's Chromium, headless, driven by Playwright: never a downloaded browser.</summary>
public static class Browser
{
    public const string Chromium = "/usr/bin/chromium";

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium package (apt-get install -y chromium), as .ci/run does.");
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }
}
