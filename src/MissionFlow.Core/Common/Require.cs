namespace MissionFlow.Core.Common;

/// <summary>
/// Field checks that throw <see cref="InvalidRequestException"/> naming the field, as problem details show it.
/// Every text a request brings is capped (see <see cref="InputLimits"/>), so nothing unbounded is stored.
/// </summary>
public static class Require
{
    public static string Text(string? value, string field, int maxLength = InputLimits.Paragraph)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw Missing(field);
        return Capped(value, field, maxLength).Trim();
    }

    /// <summary>A text that may be left out: empty then, trimmed otherwise.</summary>
    public static string OptionalText(string? value, string field, int maxLength) =>
        value is null ? "" : Capped(value, field, maxLength).Trim();

    /// <summary>A list that may be left out, holding at most <paramref name="max"/> items.</summary>
    public static IReadOnlyList<T> AtMost<T>(IReadOnlyList<T>? items, string field, int max) =>
        items is { Count: var count } && count > max
            ? throw new InvalidRequestException(field, $"'{field}' holds more than {max} items.") { Code = "too-many", Args = [field, $"{max}"] }
            : items ?? [];

    public static T Value<T>(T? value, string field) where T : struct =>
        value ?? throw Missing(field);

    private static string Capped(string value, string field, int maxLength) =>
        value.Length > maxLength
            ? throw new InvalidRequestException(field, $"'{field}' is longer than {maxLength} characters.") { Code = "too-long", Args = [field, $"{maxLength}"] }
            : value;

    private static InvalidRequestException Missing(string field) =>
        new(field, $"'{field}' is required.") { Code = "required", Args = [field] };

    public static TEnum Enum<TEnum>(string? value, string field, TEnum fallback) where TEnum : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
            return fallback;
        return System.Enum.TryParse<TEnum>(value.Replace("-", ""), ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed)
            ? parsed
            : throw new InvalidRequestException(field, $"'{field}' must be one of: {string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))}.")
                { Code = "choice", Args = [field] };
    }
}
