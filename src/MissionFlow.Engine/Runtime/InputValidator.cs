using System.Globalization;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Engine.Runtime;

/// <summary>Checks a trigger's inputs against the definition; dates are yyyy-MM-dd, texts within their length.</summary>
internal static class InputValidator
{
    public const string DateFormat = "yyyy-MM-dd";

    public static Refused? Check(TransitionDefinition transition, IReadOnlyDictionary<string, string?> input, IReadOnlyDictionary<string, string> data)
    {
        foreach (var field in Fields(transition))
        {
            input.TryGetValue(field.Name, out var value);
            if (string.IsNullOrWhiteSpace(value))
            {
                if (field.Required)
                    return Invalid(field, "required", $"'{field.Name}' is required to {transition.Trigger}.");
                continue;
            }
            var problem = field.Type switch
            {
                InputType.Integer => CheckInteger(field, value),
                InputType.Date => CheckDate(field, value, data),
                InputType.Choice when !field.Values!.Contains(value) =>
                    Invalid(field, "choice", $"'{field.Name}' must be one of: {string.Join(", ", field.Values!)}."),
                InputType.Text when value.Length > field.TextLimit =>
                    Invalid(field, "too-long", $"'{field.Name}' is longer than {field.TextLimit} characters.", $"{field.TextLimit}"),
                _ => null,
            };
            if (problem is not null)
                return problem;
        }
        return null;
    }

    /// <summary>
    /// The declared inputs, and the comment or reason the journal keeps from any trigger (see
    /// <see cref="FireRequest.Comment"/>) when the definition does not declare it: stored text is always capped.
    /// </summary>
    private static IEnumerable<InputDefinition> Fields(TransitionDefinition transition) =>
        transition.InputList.Concat(FireRequest.CommentInputs
            .Where(name => transition.InputList.All(i => i.Name != name))
            .Select(name => new InputDefinition(name, InputType.Text)));

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static Refused? CheckInteger(InputDefinition field, string value)
    {
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            return Invalid(field, "integer", $"'{field.Name}' must be a whole number.");
        if (n < field.Min || n > field.Max)
            return Invalid(field, "range", $"'{field.Name}' must be between {field.Min} and {field.Max}.", $"{field.Min}", $"{field.Max}");
        return null;
    }

    private static Refused? CheckDate(InputDefinition field, string value, IReadOnlyDictionary<string, string> data)
    {
        if (!TryParseDate(value, out var date))
            return Invalid(field, "date", $"'{field.Name}' must be a date written yyyy-MM-dd.");
        if (field.After is { } key && data.TryGetValue(key, out var bound) && TryParseDate(bound, out var boundDate) && date <= boundDate)
            return Invalid(field, "after", $"'{field.Name}' must be after the current {key} ({bound}).", bound);
        return null;
    }

    /// <summary>The field is always the first argument, so a host can name it in its reader's words.</summary>
    private static Refused Invalid(InputDefinition field, string code, string reason, params string[] more) =>
        new(RefusalKind.InvalidInput, reason, field.Name) { Code = code, Args = [field.Name, .. more] };
}
