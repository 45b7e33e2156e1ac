using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace MissionFlow.Core.Notifications;

/// <summary>
/// The deadline as an all-day iCalendar event. Its UID is fixed per item and anchor, so a calendar that imported
/// the first reminder updates the same entry when an extension moves the date.
/// </summary>
public static class DeadlineInvite
{
    public static string Create(string uid, DateOnly date, string summary, string description, DateTimeOffset now)
    {
        var calendar = new Calendar { Method = "PUBLISH" };
        calendar.Events.Add(new CalendarEvent
        {
            Uid = uid,
            Summary = summary,
            Description = description,
            Start = new CalDateTime(date),
            End = new CalDateTime(date.AddDays(1)),
            DtStamp = new CalDateTime(now.UtcDateTime),
            // A later version of the same deadline must win in the reader's calendar.
            Sequence = (int)(now.ToUnixTimeSeconds() / 60 % int.MaxValue),
        });
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
