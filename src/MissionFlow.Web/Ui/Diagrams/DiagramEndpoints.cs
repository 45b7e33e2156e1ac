using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using MissionFlow.Core.Workflows;

namespace MissionFlow.Web.Ui.Diagrams;

internal static class DiagramEndpoints
{
    /// <summary>GET /api/workflows/{id}/{version}/diagram[?state=&amp;lang=]: the definition as SVG, the given state marked.</summary>
    public static void MapWorkflowDiagrams(this IEndpointRouteBuilder api) =>
        api.MapGet("/workflows/{id}/{version:int}/diagram", Results<ContentHttpResult, NotFound> (string id, int version, string? state, string? lang,
            DefinitionCatalog catalog, WorkflowDiagram diagram, UiText text) =>
        {
            if (catalog.Find(id, version) is not { } definition)
                return TypedResults.NotFound();
            var language = UiLanguages.Normalize(lang);
            CultureInfo.CurrentUICulture = new CultureInfo(language);
            return TypedResults.Content(diagram.Render(definition, language, state, text.Trigger, definition.Name.In(language)), "image/svg+xml");
        }).WithTags("Workflows").Produces<string>(StatusCodes.Status200OK, "image/svg+xml");
}
