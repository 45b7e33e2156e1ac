using Microsoft.Playwright;

namespace MissionFlow.Ui.Tests.Infrastructure;

/// <summary>
/// One app and one browser for every UI test: starting Chromium and seeding a database cost seconds each, and
/// the machine has two cores. Tests stay independent by using their own mission, account or recommendation.
/// </summary>
public class UiHost : IAsyncLifetime
{
    public UiHost() : this(new UiApp())
    {
    }

    protected UiHost(UiApp app) => App = app;

    public UiApp App { get; }
    public string BaseUrl { get; private set; } = "";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public virtual async Task InitializeAsync()
    {
        BaseUrl = App.BaseUrl;
        _playwright = await Playwright.CreateAsync();
        _browser = await Browser.LaunchAsync(_playwright);
    }

    /// <summary>
    /// A fresh browser profile (no cookies) on a phone-or-desk-sized window, in the councils' locale and time zone.
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in page, as a person does.</summary>
    public async Task<IPage> SignInAsync(string email, int width = 1280, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync("/Account/SignIn");
        await page.SignInHereAsync(email);
        Assert.DoesNotContain("/Account/SignIn", page.Url);
        return page;
    }

    public virtual async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.CloseAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class UiCollection : ICollectionFixture<UiHost>
{
    public const string Name = "ui";
}
