using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MissionFlow.Core.Common;
using MissionFlow.Core.Idempotency;

namespace MissionFlow.Web.Idempotency;

/// <summary>
/// Honours the Idempotency-Key header on commands, per signed-in account: the first request acts and its
/// response is kept; a repeat of the same request (method, route, body) gets that response with
/// "Idempotent-Replayed: true"; a twin still running gets 409; the key sent with another request gets 422.
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
        if (key.Length > IdempotencyStore.MaxKeyLength)
            throw new InvalidRequestException(Header, $"'{Header}' is at most {IdempotencyStore.MaxKeyLength} characters.");

        var user = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
        var hash = await RequestFingerprint.ComputeAsync(http.Request, http.RequestAborted);
        switch (await store.ClaimAsync(user, key, hash, http.RequestAborted))
        {
            case IdempotencyStore.Completed done:
                http.Response.Headers["Idempotent-Replayed"] = "true";
                return Results.Content(done.Body ?? "", "application/json", statusCode: done.StatusCode);
            case IdempotencyStore.InProgress:
                throw new ConflictException("A request with this Idempotency-Key is still being processed.", Header);
            case IdempotencyStore.KeyReused:
                return KeyReused();
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

    /// <summary>422: replaying the first answer would tell the client its other request was done when it was not.</summary>
    private static ProblemHttpResult KeyReused()
    {
        const string message = $"This {Header} was already used for another request (another route or body); send a new key for a new request.";
        return TypedResults.Problem(new ValidationProblemDetails(new Dictionary<string, string[]> { [Header] = [message] })
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The Idempotency-Key belongs to another request.",
            Detail = message,
        });
    }
}
