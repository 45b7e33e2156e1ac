using System.Globalization;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Engine.Runtime;

/// <summary>
/// Checks a trigger's inputs against the definition; dates are yyyy-MM-dd, texts within their length. A date's
/// <c>after</c> names a data date or <see cref="InputDefinition.Today"/>, the council's date of the request.
/// </summary>
internal static class InputValidator
{
    public const string DateFormat = DataDates.Format;

    public static Refused? Check(TransitionDefinition transition, IReadOnlyDictionary<string, string?> input, IReadOnlyDictionary<string, string> data, DateOnly today)
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
                InputType.Date => CheckDate(field, value, data, today),
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

    public static bool TryParseDate(string? text, out DateOnly date) => DataDates.TryRead(text, out date);

    private static Refused? CheckInteger(InputDefinition field, string value)
    {
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            return Invalid(field, "integer", $"'{field.Name}' must be a whole number.");
        if (n < field.Min || n > field.Max)
            return Invalid(field, "range", $"'{field.Name}' must be between {field.Min} and {field.Max}.", $"{field.Min}", $"{field.Max}");
        return null;
    }

    private static Refused? CheckDate(InputDefinition field, string value, IReadOnlyDictionary<string, string> data, DateOnly today)
    {
        if (!TryParseDate(value, out var date))
            return Invalid(field, "date", $"'{field.Name}' must be a date written yyyy-MM-dd.");
        var bound = field.After == InputDefinition.Today ? today.ToString(DateFormat, CultureInfo.InvariantCulture) : field.After is { } key ? data.GetValueOrDefault(key) : null;
        if (TryParseDate(bound, out var boundDate) && date <= boundDate)
            return Invalid(field, "after", $"'{field.Name}' must be after the current {field.After} ({bound}).", bound!);
        return null;
    }

    /// <summary>Why no transition of the trigger applies: the choice its <c>when</c> reads is none of theirs.</summary>
    public static Refused Unmatched(IReadOnlyList<TransitionDefinition> candidates, IReadOnlyDictionary<string, string?> input)
    {
        // A transition without "when" would have matched: each candidate names an input its value missed.
        var name = candidates.SelectMany(t => t.WhenMap.Keys).First();
        var field = candidates.SelectMany(t => t.InputList).First(i => i.Name == name);
        var values = candidates.SelectMany(t => t.WhenMap.GetValueOrDefault(name) ?? []).Distinct();
        return string.IsNullOrWhiteSpace(input.GetValueOrDefault(name))
            ? Invalid(field, "required", $"'{name}' is required to {candidates[0].Trigger}.")
            : Invalid(field, "choice", $"'{name}' must be one of: {string.Join(", ", values)}.");
    }

    /// <summary>The field is always the first argument, so a host can name it in its reader's words.</summary>
    private static Refused Invalid(InputDefinition field, string code, string reason, params string[] more) =>
        new(RefusalKind.InvalidInput, reason, field.Name) { Code = code, Args = [field.Name, .. more] };
}
