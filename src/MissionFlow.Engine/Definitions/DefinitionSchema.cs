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
        var results = Schema.Value.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        if (results.IsValid)
            return [];
        return Failures(results)
            .Distinct()
            .OrderByDescending(e => e.Pointer.Length)
            .ToList();
    }

    /// <summary>
    /// The errors of failed nodes, never looking inside a node that passed: a "oneOf" branch that failed while
    /// another matched is not an error of the file.
    /// </summary>
    private static IEnumerable<(string Pointer, string Message)> Failures(EvaluationResults node)
    {
        if (node.IsValid)
            yield break;
        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
            yield return (node.InstanceLocation.ToString(), $"{message} ({keyword})");
        foreach (var child in node.Details ?? [])
            foreach (var failure in Failures(child))
                yield return failure;
    }
}
