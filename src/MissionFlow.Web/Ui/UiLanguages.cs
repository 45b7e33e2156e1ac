using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace MissionFlow.Web.Ui;

/// <summary>Vietnamese first, English beside it; the choice lives in the culture cookie.</summary>
internal static class UiLanguages
{
    public const string Vietnamese = "vi";
    public const string English = "en";

    public static IReadOnlyList<CultureInfo> Supported { get; } = [new(Vietnamese), new(English)];

    public static string Normalize(string? language) => language?.StartsWith(English, StringComparison.OrdinalIgnoreCase) == true ? English : Vietnamese;

    /// <summary>The language of the current request: the culture the localization middleware chose.</summary>
    public static string Current => Normalize(CultureInfo.CurrentUICulture.Name);

    public static void Remember(HttpResponse response, string language)
    {
        var culture = Normalize(language);
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
    }

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Vietnamese),
            SupportedCultures = [.. Supported],
            SupportedUICultures = [.. Supported],
        };
        // No Accept-Language provider: the councils' browsers are often set to English, and the UI is Vietnamese
        // unless the person chooses otherwise.
        options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        return options;
    }
}
