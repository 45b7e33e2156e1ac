using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MissionFlow.Web.Tests.Access;

/// <summary>One request the app answers: an API endpoint and method, or a Razor page handler.</summary>
public sealed record RouteProbe(string Method, string Pattern, string? Handler, IReadOnlyList<string> Parameters, bool Multipart)
{
    public bool IsApi => Pattern.StartsWith("api/", StringComparison.Ordinal);
    public bool IsCommand => Method != "GET" && Method != "HEAD";
    public override string ToString() => $"{Method} /{Pattern}{(Handler is null ? "" : $"?handler={Handler}")}";
}

/// <summary>
/// Every route of the running app, read from its own endpoint table: each API endpoint with each of its methods,
/// and each Razor page with each of its handlers. A route added later is in the list without anyone listing it.
/// </summary>
public static partial class RouteTable
{
    public static async Task<IReadOnlyList<RouteProbe>> ReadAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var probes = new List<RouteProbe>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText!.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                if (compiled.HandlerMethods.Count == 0)
                    probes.Add(new RouteProbe("GET", pattern, null, [], false));
                foreach (var handler in compiled.HandlerMethods)
                    probes.Add(new RouteProbe(handler.HttpMethod.ToUpperInvariant(), pattern, handler.Name,
                        handler.Parameters.Select(p => p.Name).ToList(), true));
                continue;
            }
            var multipart = endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>().Any(a => a.ContentTypes.Contains("multipart/form-data"));
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                probes.Add(new RouteProbe(method, pattern, null, [], multipart));
        }
        return probes.DistinctBy(p => p.ToString()).ToList();
    }

    /// <summary>The pattern with each parameter replaced by <paramref name="value"/>'s answer for it.</summary>
    public static string Fill(string pattern, Func<string, string> value) =>
        Parameter().Replace(pattern, m => Uri.EscapeDataString(value(m.Groups[1].Value))).Replace("//", "/").TrimEnd('/');

    [GeneratedRegex(@"\{\*{0,2}(\w+)[^}]*\}")]
    private static partial Regex Parameter();
}
