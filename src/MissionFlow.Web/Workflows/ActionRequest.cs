using System.Text.Json;
using MissionFlow.Core.Common;
using MissionFlow.Core.Documents;

namespace MissionFlow.Web.Workflows;

/// <summary>
/// A trigger's input as the flat strings the engine checks against the definition, from a JSON object or, when
/// files come with it (a progress report with evidence), from multipart form data.
/// </summary>
internal sealed record ActionRequest(IReadOnlyDictionary<string, string?> Input, IReadOnlyList<FileUpload> Files)
{
    public static async Task<ActionRequest> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            return new ActionRequest(
                form.ToDictionary(f => f.Key, f => (string?)f.Value.ToString()),
                form.Files.Select(f => new FileUpload(f.FileName, f.ContentType, f.OpenReadStream())).ToList());
        }
        if (request.ContentLength is 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count == 0))
            return new ActionRequest(new Dictionary<string, string?>(), []);
        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            throw new InvalidRequestException("body", $"The body is not valid JSON: {e.Message}");
        }
        return new ActionRequest(FromJson(body), []);
    }

    private static Dictionary<string, string?> FromJson(JsonElement body)
    {
        if (body.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            return [];
        if (body.ValueKind != JsonValueKind.Object)
            throw new InvalidRequestException("body", "An action's body is a JSON object.");
        return body.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
        {
            JsonValueKind.String => p.Value.GetString(),
            JsonValueKind.Null => null,
            JsonValueKind.Object or JsonValueKind.Array => throw new InvalidRequestException(p.Name, $"'{p.Name}' must be a single value."),
            _ => p.Value.GetRawText(),
        });
    }
}
