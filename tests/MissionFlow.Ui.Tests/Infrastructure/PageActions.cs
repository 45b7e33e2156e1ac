using System.Globalization;
using Microsoft.Playwright;

namespace MissionFlow.Ui.Tests.Infrastructure;

/// <summary>What a person does on MissionFlow's pages, in the words of the page: fire a trigger, read the notice.</summary>
public static class PageActions
{
    /// <summary>Presses the button of a trigger's form (filling nothing), and waits for the page that follows.</summary>
    public static async Task FireAsync(this IPage page, string trigger)
    {
        await page.SubmitAsync($"form[data-trigger='{trigger}'] button[type=submit]");
        await ExpectNoErrorAsync(page);
    }

    /// <summary>
    /// Clicks a submit button and waits for the page the server answers with. Every form here posts and either
    /// redirects or re-renders, so "the next navigation" is exactly what to wait for; Playwright marks that wait
    /// obsolete in favour of waiting for a URL, which a re-rendered form does not change.
    /// </summary>
    public static async Task SubmitAsync(this IPage page, string selector)
    {
#pragma warning disable CS0612
        await page.RunAndWaitForNavigationAsync(() => page.ClickAsync(selector));
#pragma warning restore CS0612
    }

    public static async Task ExpectNoErrorAsync(this IPage page)
    {
        var errors = page.Locator(".errors li:visible");
        Assert.True(await errors.CountAsync() == 0, $"{page.Url}: {string.Join(" | ", await errors.AllInnerTextsAsync())}");
    }

    /// <summary>Types an email and password into the sign-in page (already open) and sends it.</summary>
    public static async Task SignInHereAsync(this IPage page, string email, string password = Demo.Password)
    {
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.SubmitAsync("form.card button[type=submit]");
    }

    /// <summary>Fills the required fields of the new-mission form (already open) for the demo's Sở Công Thương.</summary>
    public static async Task FillMissionPlanAsync(this IPage page, string code, string title, string topic)
    {
        await page.FillAsync("#Form_Code", code);
        await page.FillAsync("#Form_Title", title);
        await page.FillAsync("#Form_Topic", topic);
        await page.FillAsync("#Form_PeriodFrom", "2024-01-01");
        await page.FillAsync("#Form_PeriodTo", "2025-12-31");
        await page.GetByLabel("SCT-TH — Sở Công Thương tỉnh Thanh Hóa").CheckAsync();
    }

    /// <summary>The triggers the page offers this person now, as the forms of its actions section.</summary>
    public static async Task<string[]> OfferedTriggersAsync(this IPage page)
    {
        var forms = page.Locator("form[data-trigger]");
        var triggers = new List<string>();
        for (var i = 0; i < await forms.CountAsync(); i++)
            triggers.Add((await forms.Nth(i).GetAttributeAsync("data-trigger"))!);
        return [.. triggers.Order()];
    }

    public static async Task<string> TextOfAsync(this IPage page, string selector) => (await page.Locator(selector).First.InnerTextAsync()).Trim();

    public static string Iso(this DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
}
