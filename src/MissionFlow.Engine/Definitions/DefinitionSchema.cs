using System.Text.Json;
using Json.Schema;

namespace MissionFlow.Engine.Definitions;

/// <summary>The JSON Schema of workflows/workflow.schema.json, embedded so the engine checks files the way editors do.</summary>
internal static class DefinitionSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var stream = typeof(DefinitionSchema).Assembly.GetManifestResourceStream("workflow.schema.json")
            ?? throw new InvalidOperationException("The workflow schema is not embedded in MissionFlow.Engine.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd());
    });

    /// <summary>Each failed keyword as (JSON pointer into the instance, message), deepest first.</summary>
    public static IReadOnlyList<(string Pointer, string Message)> Check(JsonElement document)
    {
        var results = Schema.Value.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
            return [];
        return (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => (Pointer: d.InstanceLocation.ToString(), Message: $"{e.Value} ({e.Key})")))
            .Distinct()
            .OrderByDescending(e => e.Pointer.Length)
            .ToList();
    }
}
