namespace MissionFlow.Core.Drafts;

/// <summary>Every letter template and the wording they share, loaded and checked at start by <see cref="LetterFolder"/>.</summary>
public sealed class LetterLibrary(IReadOnlyDictionary<string, LetterTemplate> templates, LetterWording wording)
{
    public const string ConclusionNotice = "conclusion-notice";
    public const string ResultsReport = "results-report";
    public const string SessionList = "session-list";

    /// <summary>The ladder's rungs in Law 121/2025's order (recommendation-followup v3): one letter each.</summary>
    public static IReadOnlyList<string> Rungs { get; } =
        ["reminder-letter", "second-reminder-letter", "referral", "explanation-request", "explanation-session", "interpellation", "re-supervision", "council-report"];

    /// <summary>The templates a start needs: a missing one stops it, as a missing workflow would.</summary>
    public static IReadOnlyList<string> Required { get; } = [.. Rungs, ConclusionNotice, ResultsReport, SessionList];

    public LetterWording Wording { get; } = wording;

    /// <summary>The template for a rung or a mission document; a rung a newer definition added without a template gets the first rung's.</summary>
    public LetterTemplate Get(string id) => templates.TryGetValue(id, out var found) ? found : templates[Rungs[0]];
}
