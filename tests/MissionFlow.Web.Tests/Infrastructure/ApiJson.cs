using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace MissionFlow.Web.Tests.Infrastructure;

/// <summary>Reads responses as JSON documents, so tests check the wire format scripts see, not our C# types.</summary>
public static class ApiJson
{
    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Awaits a request that must succeed (any 2xx) and reads its JSON; a failure shows the problem details.</summary>
    public static async Task<JsonElement> OkJsonAsync(this Task<HttpResponseMessage> send, System.Net.HttpStatusCode? expected = null)
    {
        var response = await send;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected is null ? response.IsSuccessStatusCode : response.StatusCode == expected, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static IEnumerable<string> Strings(this JsonElement array, string property) =>
        array.EnumerateArray().Select(e => e.GetProperty(property).GetString()!);

    /// <summary>A date as the API writes it, yyyy-MM-dd.</summary>
    public static DateOnly GetDateOnly(this JsonElement element) =>
        DateOnly.ParseExact(element.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
