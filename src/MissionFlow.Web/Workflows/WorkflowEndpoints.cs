using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using MissionFlow.Core.Workflows;

namespace MissionFlow.Web.Workflows;

public sealed record WorkflowVersionView(string Id, int Version, string Hash, string Name);

internal static class WorkflowEndpoints
{
    public static void MapWorkflows(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/workflows").WithTags("Workflows");
        group.MapGet("/", (DefinitionCatalog catalog) =>
            catalog.All.OrderBy(d => d.Id).ThenBy(d => d.Version)
                .Select(d => new WorkflowVersionView(d.Id, d.Version, d.Hash, d.Name.Vi)).ToList());
        group.MapGet("/{id}/{version:int}", Results<ContentHttpResult, NotFound> (string id, int version, DefinitionCatalog catalog) =>
            catalog.Find(id, version) is { } d
                ? TypedResults.Content(JsonNode.Parse(d.Source)!.ToJsonString(), "application/json")
                : TypedResults.NotFound());
    }
}
