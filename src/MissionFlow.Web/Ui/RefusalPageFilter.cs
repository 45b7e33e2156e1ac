using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using MissionFlow.Core.Common;

namespace MissionFlow.Web.Ui;

/// <summary>
/// A refusal from the domain shown as a page, not as the API's problem details: "forbidden" and "not found"
/// answer 403 and 404 in place (the status page renders them). Form pages catch the other refusals themselves,
/// to show the message beside the form with what the person typed.
/// </summary>
internal sealed class RefusalPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        var status = executed.Exception switch
        {
            ForbiddenException => StatusCodes.Status403Forbidden,
            NotFoundException => StatusCodes.Status404NotFound,
            _ => 0,
        };
        if (status == 0)
            return;
        executed.ExceptionHandled = true;
        executed.Result = new StatusCodeResult(status);
    }
}
