using Microsoft.AspNetCore.Authentication.Cookies;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using MissionFlow.Web.Desk;
using MissionFlow.Web.Recommendations;
using MissionFlow.Web.Ui.Diagrams;

namespace MissionFlow.Web.Ui;

/// <summary>The web UI's part of Program.cs: Razor Pages on the Identity cookie, Vietnamese first.</summary>
internal static class UiRegistration
{
    public static IServiceCollection AddMissionFlowUi(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Vietnamese letters as they are, not as &#x1EAD; entities: pages a third smaller; <, >, & and quotes are still encoded.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(o =>
            {
                // A feature's pages sit beside its endpoints (Missions/, Recommendations/...), so pages are found from the project's root.
                o.RootDirectory = "/";
                o.Conventions.AuthorizeFolder("/", UiPolicies.Member);
                o.Conventions.AddFolderRouteModelConvention("/", RequireAdminUnderAdminAddress);
                o.Conventions.AllowAnonymousToPage("/Account/SignIn");
                o.Conventions.AllowAnonymousToPage("/Account/SingleSignOn");
                o.Conventions.AllowAnonymousToPage("/Account/Language");
                o.Conventions.AllowAnonymousToPage("/Shared/Status");
            })
            .AddMvcOptions(o => o.Filters.Add<RefusalPageFilter>())
            // No page runs a script, so no data-val-* attributes, and no hidden <li style="display:none"> in an empty
            // validation summary, which the Content-Security-Policy (no inline style) would refuse.
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        UiPolicies.Add(services.AddAuthorizationBuilder());
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, ConfigureCookie);
        services.AddHttpContextAccessor();
        services.AddScoped<UiText>();
        services.AddScoped<UiContext>();
        services.AddScoped<DeskBuilder>();
        services.AddScoped<FollowUpRows>();
        services.AddScoped<FollowUpExport>();
        services.AddScoped<Drafts.SessionExport>();
        services.AddSingleton<WorkflowDiagram>();
        return services;
    }

    /// <summary>Static files, the language of the request, and HTML status pages: only outside /api, whose answers stay as they were.</summary>
    public static WebApplication UseMissionFlowUi(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseWhen(c => !IsApi(c.Request), ui => ui.UseRequestLocalization(UiLanguages.Options()));
        // On the application itself, not in a UseWhen branch: a branch lacks the global route builder, and the
        // re-executed request would find no endpoint. /api opts out, leaving its problem details as they were.
        app.UseStatusCodePagesWithReExecute("/Status/{0}");
        app.Use((context, next) =>
        {
            if (IsApi(context.Request) && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
                pages.Enabled = false;
            return next(context);
        });
        return app;
    }

    public static WebApplication MapMissionFlowUi(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }

    /// <summary>
    /// Admin pages live in their feature's folder (Agencies/, People/...) under the /Admin address: the address, not
    /// the folder, asks for the admin role, so a page moved or added under /Admin cannot miss it.
    /// </summary>
    private static void RequireAdminUnderAdminAddress(PageRouteModel page)
    {
        foreach (var selector in page.Selectors)
            if (selector.AttributeRouteModel?.Template?.TrimStart('/') is { } template
                && (template == "Admin" || template.StartsWith("Admin/", StringComparison.Ordinal)))
                selector.EndpointMetadata.Add(new AuthorizeAttribute(UiPolicies.Admin));
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    /// <summary>
    /// Pages redirect to the sign-in page; /api keeps answering 401 and 403, as scripts expect, even when the
    /// request came with the cookie. A forbidden page answers 403 in place, shown by the status page.
    /// </summary>
    private static void ConfigureCookie(CookieAuthenticationOptions cookie)
    {
        cookie.LoginPath = "/Account/SignIn";
        cookie.LogoutPath = "/Account/SignOut";
        cookie.SlidingExpiration = true;
        cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        var redirectToLogin = cookie.Events.OnRedirectToLogin;
        cookie.Events.OnRedirectToLogin = context =>
        {
            if (!IsApi(context.Request))
                return redirectToLogin(context);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        };
        cookie.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }
}
