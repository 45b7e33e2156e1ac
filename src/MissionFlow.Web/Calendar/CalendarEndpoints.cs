using System.Globalization;
using MissionFlow.Core.Common;
using MissionFlow.Engine.Calendar;

namespace MissionFlow.Web.Calendar;

internal static class CalendarEndpoints
{
    public static void MapCalendar(this IEndpointRouteBuilder api) =>
        api.MapGet("/calendar/{year}", (string year, CouncilClock clock) => clock.Calendar.Year(
                ParseYear(year) ?? throw new InvalidRequestException("year",
                    $"A year from {StatutoryYear.FirstYear} to {StatutoryYear.LastYear}: civil servants have worked Monday to Friday since October 1999.")))
            .WithTags("Calendar")
            .WithSummary("A year's days off and make-up working days; provisional when no announcement is known and the year was computed from the law.");

    /// <summary>A year MissionFlow computes (<see cref="StatutoryYear"/>), or null.</summary>
    public static int? ParseYear(string? year) =>
        int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && StatutoryYear.Computes(value) ? value : null;
}
