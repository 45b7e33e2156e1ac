namespace MissionFlow.Core.Drafts;

/// <summary>
/// Who issues the drafts and where, from the settings ("MissionFlow:Council"): the heading's superior body
/// ("HỘI ĐỒNG NHÂN DÂN TỈNH THANH HÓA") and issuing body ("THƯỜNG TRỰC"), and the place of the date line.
/// </summary>
public sealed class CouncilIdentity
{
    public string Body { get; set; } = "";
    public string Issuer { get; set; } = "";
    public string Place { get; set; } = "";

    /// <summary>Refuses a start whose settings leave the heading blank: every draft would carry the gap.</summary>
    public CouncilIdentity Checked()
    {
        foreach (var (name, value) in new[] { ("Body", Body), ("Issuer", Issuer), ("Place", Place) })
            if (string.IsNullOrWhiteSpace(value))
                throw new Common.SettingException($"MissionFlow:Council:{name} is empty; the drafts' heading needs it.");
        return this;
    }
}
