namespace MissionFlow.Core.Common;

/// <summary>Field checks that throw <see cref="InvalidRequestException"/> naming the field, as problem details show it.</summary>
public static class Require
{
    public static string Text(string? value, string field, int maxLength = 4000)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw Missing(field);
        if (value.Length > maxLength)
            throw new InvalidRequestException(field, $"'{field}' is longer than {maxLength} characters.") { Code = "too-long", Args = [field, $"{maxLength}"] };
        return value.Trim();
    }

    public static T Value<T>(T? value, string field) where T : struct =>
        value ?? throw Missing(field);

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
