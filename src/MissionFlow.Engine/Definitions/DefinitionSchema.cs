using System.Text.Json;
using Json.Schema;

namespace MissionFlow.Engine.Definitions;

/// <summary>
/// A JSON Schema of workflows/ (workflow.schema.json, calendars/calendar.schema.json), embedded so the engine checks
/// files the way editors do.
/// </summary>
internal sealed class DefinitionSchema(string resourceName)
{
    public static DefinitionSchema Workflow { get; } = new("workflow.schema.json");

    public static DefinitionSchema Calendar { get; } = new("calendar.schema.json");

    private readonly Lazy<JsonSchema> _schema = new(() =>
    {
        using var stream = typeof(DefinitionSchema).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"{resourceName} is not embedded in MissionFlow.Engine.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd());
    });

    /// <summary>Each failed keyword as (JSON pointer into the instance, message), deepest first.</summary>
    public IReadOnlyList<(string Pointer, string Message)> Check(JsonElement document)
    {
        var results = _schema.Value.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
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
