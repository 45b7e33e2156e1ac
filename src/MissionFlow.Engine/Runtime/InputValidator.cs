using System.Globalization;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Engine.Runtime;

/// <summary>Checks a trigger's inputs against the definition; dates are yyyy-MM-dd.</summary>
internal static class InputValidator
{
    public const string DateFormat = "yyyy-MM-dd";

    public static Refused? Check(TransitionDefinition transition, IReadOnlyDictionary<string, string?> input, IReadOnlyDictionary<string, string> data)
    {
        foreach (var field in transition.InputList)
        {
            input.TryGetValue(field.Name, out var value);
            if (string.IsNullOrWhiteSpace(value))
            {
                if (field.Required)
                    return Invalid(field, $"'{field.Name}' is required to {transition.Trigger}.");
                continue;
            }
            var problem = field.Type switch
            {
                InputType.Integer => CheckInteger(field, value),
                InputType.Date => CheckDate(field, value, data),
                InputType.Choice => field.Values!.Contains(value) ? null : $"'{field.Name}' must be one of: {string.Join(", ", field.Values!)}.",
                _ => null,
            };
            if (problem is not null)
                return Invalid(field, problem);
        }
        return null;
    }

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string? CheckInteger(InputDefinition field, string value)
    {
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            return $"'{field.Name}' must be a whole number.";
        if (n < field.Min || n > field.Max)
            return $"'{field.Name}' must be between {field.Min} and {field.Max}.";
        return null;
    }

    private static string? CheckDate(InputDefinition field, string value, IReadOnlyDictionary<string, string> data)
    {
        if (!TryParseDate(value, out var date))
            return $"'{field.Name}' must be a date written yyyy-MM-dd.";
        if (field.After is { } key && data.TryGetValue(key, out var bound) && TryParseDate(bound, out var boundDate) && date <= boundDate)
            return $"'{field.Name}' must be after the current {key} ({bound}).";
        return null;
    }

    private static Refused Invalid(InputDefinition field, string reason) => new(RefusalKind.InvalidInput, reason, field.Name);
}
