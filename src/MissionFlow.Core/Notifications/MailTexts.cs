using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Core.Notifications;

/// <summary>
/// The words MissionFlow adds around the definitions' templates, in both languages, and the filling of
/// "{name}" placeholders: a date held as yyyy-MM-dd is written dd/MM/yyyy, as Vietnamese documents write it.
/// </summary>
public static partial class MailTexts
{
    public const string DateFormat = "dd/MM/yyyy";

    public static readonly LocalizedText Acknowledge = new("Xác nhận đã tiếp nhận kiến nghị", "Acknowledge this recommendation");
    public static readonly LocalizedText AcknowledgeHint = new(
        "Bấm liên kết sau để xác nhận cơ quan đã tiếp nhận kiến nghị (dùng một lần, có hạn đến {0}):",
        "Follow this link to acknowledge the recommendation for your agency (single use, valid until {0}):");
    public static readonly LocalizedText DueTail = new(" (hạn {0})", " (due {0})");
    public static readonly LocalizedText Footer = new(
        "Thư tự động của MissionFlow, hệ thống theo dõi kiến nghị giám sát của Thường trực HĐND.",
        "An automatic message from MissionFlow, the People's Council standing committee's follow-up system.");
    public static readonly LocalizedText Grouped = new("[MissionFlow] {0} thông báo ngày {1}", "[MissionFlow] {0} notices of {1}");
    public static readonly LocalizedText Digest = new("[MissionFlow] Tổng hợp {0} thông báo ngày {1}", "[MissionFlow] Digest of {0} notices of {1}");
    public static readonly LocalizedText DigestIntro = new(
        "Hôm nay có {0} thông báo. Nội dung tóm tắt dưới đây; chi tiết xem tại {1}",
        "There are {0} notices for you today, summed up below; the details are at {1}");
    public static readonly LocalizedText Weekly = new("[MissionFlow] Tổng hợp kiến nghị tuần {0}", "[MissionFlow] Weekly recommendation digest, week {0}");
    public static readonly LocalizedText WeeklyOverdue = new("Kiến nghị quá hạn", "Overdue recommendations");
    public static readonly LocalizedText WeeklyDueSoon = new("Kiến nghị sắp đến hạn (trong {0} ngày)", "Recommendations due within {0} days");
    public static readonly LocalizedText WeeklyTasks = new("Việc Văn phòng HĐND cần ban hành văn bản", "Letters the Council Office is to issue");
    public static readonly LocalizedText WeeklyLine = new("[{0}] Kiến nghị số {1}, hạn {2}: {3}", "[{0}] Recommendation {1}, due {2}: {3}");
    public static readonly LocalizedText TaskLine = new("[{0}] Kiến nghị số {1}: {2} (mở ngày {3})", "[{0}] Recommendation {1}: {2} (opened {3})");
    public static readonly LocalizedText InviteSummary = new("Hạn kiến nghị số {0} ({1})", "Deadline of recommendation {0} ({1})");
    public static readonly LocalizedText InviteSummaryOfMission = new("Hạn {0} ({1})", "Deadline {0} ({1})");

    /// <summary>
    /// The letter an office task of a definition without a ladder (v1, v2) asks for, named as the Council Office
    /// names it: a mail never shows a definition's task id. A ladder's rungs carry their own names.
    /// </summary>
    public static LocalizedText TaskKind(string kind) => kind switch
    {
        "issue-reminder-letter" => new("Ban hành công văn đôn đốc thực hiện kiến nghị", "Issue a reminder letter"),
        "request-explanation" => new("Ban hành văn bản yêu cầu giải trình", "Issue a request for explanation"),
        "refer-to-superior" => new("Chuyển cơ quan cấp trên trực tiếp chỉ đạo thực hiện", "Refer to the superior body"),
        _ => new("Ban hành văn bản theo dõi, đôn đốc", "Issue a follow-up letter"),
    };

    public static string Format(LocalizedText text, string language, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, text.In(language), args);

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>HTML-escapes markup characters only, so Vietnamese stays readable in the source of a message.</summary>
    public static string Html(string? text) => Encoder.Encode(text ?? "");

    public static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Fills "{name}" from <paramref name="data"/>; an unknown name stays as written.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> data) =>
        Placeholder().Replace(template, m => data.TryGetValue(m.Groups[1].Value, out var value) ? AsWritten(value) : m.Value);

    private static string AsWritten(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? Date(date) : value;

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();
}
