using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using MissionFlow.Core.Common;

namespace MissionFlow.Web.Hosting;

/// <summary>Turns the application's refusals into RFC 7807 problem details naming the offending field.</summary>
internal sealed class ProblemMapping(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, title) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge, "The request body is too large."),
            InvalidRequestException => (StatusCodes.Status400BadRequest, "The request is invalid."),
            ForbiddenException => (StatusCodes.Status403Forbidden, "This action is not allowed for you."),
            NotFoundException => (StatusCodes.Status404NotFound, "Not found."),
            ConflictException => (StatusCodes.Status409Conflict, "The request conflicts with the current state."),
            BadHttpRequestException => (StatusCodes.Status400BadRequest, "The request body could not be read."),
            _ => (0, ""),
        };
        if (status == 0)
            return false;
        var field = (exception as MissionFlowException)?.Field;
        var details = field is null
            ? new ProblemDetails()
            : new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [exception.Message] });
        details.Status = status;
        details.Title = title;
        details.Detail = exception is BadHttpRequestException bad ? bad.InnerException?.Message ?? bad.Message : exception.Message;
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }
}
