namespace MissionFlow.Engine.Calendar;

/// <summary>
/// One year of the council's calendar: the days off on top of weekends (holidays, Tết, days off in lieu, swapped
/// days) and the weekend days worked. <see cref="Provisional"/> when no announcement for civil servants is known
/// for the year and its days were computed from the Labour Code (<see cref="StatutoryYear"/>).
/// </summary>
public sealed record CalendarYear(int Year, bool Provisional, string Source, IReadOnlyList<CalendarDay> Holidays, IReadOnlyList<CalendarDay> ExtraWorkingDays);
