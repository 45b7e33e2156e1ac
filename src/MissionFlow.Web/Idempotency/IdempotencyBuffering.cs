namespace MissionFlow.Web.Idempotency;

/// <summary>
/// Lets <see cref="IdempotencyFilter"/> hash a keyed request's body after its endpoint has bound it: the body is
/// buffered (in memory, then a temporary file) as it is read, so the filter reads the very bytes the handler got.
/// Only requests carrying an Idempotency-Key pay for it, and the endpoint's body size limit bounds the buffer.
/// </summary>
internal static class IdempotencyBuffering
{
    public static IApplicationBuilder UseIdempotencyBuffering(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Request.Headers.ContainsKey(IdempotencyFilter.Header))
                context.Request.EnableBuffering();
            return next(context);
        });
}
