using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MissionFlow.Core.Common;
using MissionFlow.Core.Idempotency;

namespace MissionFlow.Web.Idempotency;

/// <summary>
/// Honours the Idempotency-Key header on commands: the first request acts and its response is kept; a repeat
/// gets the same response with "Idempotent-Replayed: true"; a twin still running gets 409.
/// </summary>
internal sealed class IdempotencyFilter(IdempotencyStore store, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(key))
            return await next(context);
        if (key.Length > 200)
            throw new InvalidRequestException(Header, $"'{Header}' is at most 200 characters.");

        var user = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
        var path = $"{http.Request.Method} {http.Request.Path}";
        switch (await store.ClaimAsync(user, key, path, http.RequestAborted))
        {
            case IdempotencyStore.Completed done:
                http.Response.Headers["Idempotent-Replayed"] = "true";
                return Results.Content(done.Body ?? "", "application/json", statusCode: done.StatusCode);
            case IdempotencyStore.InProgress:
                throw new ConflictException("A request with this Idempotency-Key is still being processed.", Header);
            case IdempotencyStore.KeyReused reused:
                throw new InvalidRequestException(Header, $"This Idempotency-Key was used for {reused.OtherPath}.");
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await store.ReleaseAsync(user, key);
            throw;
        }
        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        var value = result is IResult ? (result as IValueHttpResult)?.Value : result;
        await store.CompleteAsync(user, key, status, value is null ? null : JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions), http.RequestAborted);
        return result;
    }
}
