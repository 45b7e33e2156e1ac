using System.Text.Json;
using MissionFlow.Core.Common;

namespace MissionFlow.Web.Missions;

/// <summary>An action's body as the flat strings the engine checks against the definition's inputs.</summary>
internal static class ActionInput
{
    public static IReadOnlyDictionary<string, string?> From(JsonElement? body)
    {
        var input = new Dictionary<string, string?>();
        if (body is not { ValueKind: JsonValueKind.Object } obj)
            return body is null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined }
                ? input
                : throw new InvalidRequestException("body", "An action's body is a JSON object.");
        foreach (var property in obj.EnumerateObject())
            input[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Null => null,
                JsonValueKind.Object or JsonValueKind.Array => throw new InvalidRequestException(property.Name, $"'{property.Name}' must be a single value."),
                _ => property.Value.GetRawText(),
            };
        return input;
    }
}
