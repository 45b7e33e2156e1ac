namespace MissionFlow.Engine.Calendar;

/// <summary>A day off or a make-up working day, with the name the announcement gives it.</summary>
public sealed record CalendarDay(DateOnly Date, string Name);
