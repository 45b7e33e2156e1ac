namespace MissionFlow.Core.Common;

/// <summary>
/// How long a text of each kind may be, in characters, and how many items a list may hold: room for any real
/// value of its kind, and no more. What is longer than a document's worth of text belongs in an attached file.
/// </summary>
public static class InputLimits
{
    /// <summary>A short identifier: a mission's or an agency's code, a role.</summary>
    public const int Code = 50;

    /// <summary>A person's name, a signer.</summary>
    public const int PersonName = 200;

    /// <summary>An email address (RFC 5321 allows 254).</summary>
    public const int Email = 256;

    /// <summary>The field of administration a recommendation concerns (lĩnh vực): a few words.</summary>
    public const int AdministrativeField = 200;

    /// <summary>An agency's full name.</summary>
    public const int AgencyName = 300;

    /// <summary>A title, a place, a figure's name: one line.</summary>
    public const int Line = 500;

    /// <summary>A unit of measure ("hồ sơ", "%").</summary>
    public const int Unit = 50;

    /// <summary>A paragraph: a topic, a recommendation, a shortcoming, a comment.</summary>
    public const int Paragraph = 4000;

    /// <summary>A section of a document: the legal basis, the achievements, the minutes of a session.</summary>
    public const int Section = 20000;

    /// <summary>Items of one list in a request (delegation, attendees, figures, shortcomings).</summary>
    public const int ListItems = 200;

    /// <summary>Agencies of a mission, and its recommendations: a topic may be supervised in every commune of a province.</summary>
    public const int ManyItems = 1000;
}
