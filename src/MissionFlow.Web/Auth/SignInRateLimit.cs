using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;
using MissionFlow.Web.Hosting;
using MissionFlow.Web.Ui;

namespace MissionFlow.Web.Auth;

/// <summary>
/// Password tries per client address and fixed window, over the API's login and refresh and the sign-in page's
/// post together. Identity's lockout guards one account against a slow guesser; this keeps one address from
/// guessing fast, or from locking every account it knows the address of. The address is the one the forwarded
/// headers leave, so behind a trusted proxy it is the client's, not the proxy's.
/// </summary>
internal sealed class SignInRateLimit(MissionFlowOptions options) : IRateLimiterPolicy<string>
{
    public const string Policy = "sign-in";

    // A key that is never an address: the sign-in page's GET shares the endpoint but spends no try.
    private const string Unlimited = "-";

    private readonly SignInLimitOptions _limit = options.Security.SignIn;

    public RateLimitPartition<string> GetPartition(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(ClientOf(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = _limit.PermitLimit,
                Window = TimeSpan.FromSeconds(_limit.WindowSeconds),
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(Unlimited);

    /// <summary>429 with Retry-After; problem details on /api, the status page's message on the sign-in page.</summary>
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (rejected, ct) =>
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(_limit.WindowSeconds);
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        if (!UiRegistration.IsApi(http.Request))
            return; // an empty 429: the status pages show it in the reader's language
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many sign-in attempts.",
                Detail = $"More than {_limit.PermitLimit} sign-in attempts from this address within {_limit.WindowSeconds} seconds; try again in {seconds} seconds.",
            },
        });
    };

    private static string ClientOf(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : IPAddress.None.ToString(); // no socket address (a Unix socket): all such callers share one window
}
