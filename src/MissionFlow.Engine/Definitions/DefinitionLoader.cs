using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MissionFlow.Engine.Definitions;

/// <summary>
/// Reads workflow files: JSON syntax, then the JSON Schema, then the semantic rules of
/// <see cref="DefinitionRules"/>. Every error carries the file, JSON path and line.
/// </summary>
public sealed class DefinitionLoader(Vocabulary vocabulary)
{
    public const string SchemaFileSuffix = ".schema.json";

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Loads every *.json of <paramref name="folder"/> except the schema; all or nothing.</summary>
    public DefinitionLoadResult LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
            return DefinitionLoadResult.Failed([new DefinitionError(folder, "$", 0, "The workflows folder does not exist.")]);
        var files = Directory.EnumerateFiles(folder, "*.json")
            .Where(f => !f.EndsWith(SchemaFileSuffix, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.Combine(folder, Path.GetFileName(f)), Bytes: File.ReadAllBytes(f)));
        return LoadMany(files);
    }

    /// <summary>Loads files given as (display name, content); the folder-wide rules apply across them.</summary>
    public DefinitionLoadResult LoadMany(IEnumerable<(string Name, byte[] Bytes)> files)
    {
        var loaded = new List<(WorkflowDefinition Definition, string File, JsonLineMap Lines)>();
        var errors = new List<DefinitionError>();
        foreach (var (name, bytes) in files)
        {
            var (definition, lines, fileErrors) = Parse(name, bytes);
            errors.AddRange(fileErrors);
            if (definition is not null)
                loaded.Add((definition, name, lines));
        }
        errors.AddRange(DefinitionRules.CheckFolder(loaded));
        return errors.Count > 0 ? DefinitionLoadResult.Failed(errors) : new DefinitionLoadResult(loaded.Select(l => l.Definition).ToList(), []);
    }

    /// <summary>Parses one stored version (already validated when it was published).</summary>
    public static WorkflowDefinition ParseStored(string source)
    {
        var definition = JsonSerializer.Deserialize<WorkflowDefinition>(source, JsonOptions)
            ?? throw new InvalidOperationException("A stored workflow definition is empty.");
        return definition with { Source = source, Hash = HashOf(JsonNode.Parse(source, documentOptions: DocumentOptions)!) };
    }

    private (WorkflowDefinition?, JsonLineMap, IReadOnlyList<DefinitionError>) Parse(string file, byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble))
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        var lines = JsonLineMap.Build(bytes);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(bytes, documentOptions: DocumentOptions);
        }
        catch (JsonException e)
        {
            return (null, lines, [new DefinitionError(file, e.Path ?? "$", (int)(e.LineNumber ?? 0) + 1, $"Not valid JSON: {e.Message}")]);
        }
        if (node is null)
            return (null, lines, [new DefinitionError(file, "$", 1, "The file holds no definition.")]);

        var schemaErrors = DefinitionSchema.Workflow.Check(JsonSerializer.SerializeToElement(node))
            .Select(e => At(file, lines, JsonLineMap.FromPointer(e.Pointer), e.Message))
            .ToList();
        if (schemaErrors.Count > 0)
            return (null, lines, schemaErrors);

        WorkflowDefinition definition;
        try
        {
            definition = node.Deserialize<WorkflowDefinition>(JsonOptions)!;
        }
        catch (JsonException e)
        {
            return (null, lines, [At(file, lines, e.Path ?? "$", e.Message)]);
        }
        definition = definition with { Source = Encoding.UTF8.GetString(bytes), Hash = HashOf(node), SourceFile = file };
        var ruleErrors = new DefinitionRules(vocabulary).Check(definition)
            .Select(e => At(file, lines, e.JsonPath, e.Message))
            .ToList();
        return (ruleErrors.Count > 0 ? null : definition, lines, ruleErrors);
    }

    private static DefinitionError At(string file, JsonLineMap lines, string path, string message) =>
        new(file, path, lines.LineOf(path), message);

    /// <summary>
    /// Hash of the compact form without the transitions' "meaning": re-indenting a file or annotating what its
    /// triggers mean changes nothing an instance does, so neither is mistaken for a new version (ADR 0009).
    /// </summary>
    private static string HashOf(JsonNode node)
    {
        var behaviour = node.DeepClone();
        foreach (var transition in behaviour["transitions"]?.AsArray() ?? [])
            transition?.AsObject().Remove("meaning");
        var compact = behaviour.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(compact)));
    }
}
