using MissionFlow.Core.Missions;

namespace MissionFlow.Core.Seeding;

/// <summary>
/// A mission still under follow-up, beside the 2018 one, so the desk, its chart and the on-time rate show something
/// on a fresh clone. Its dates count from the day of seeding, so the demo stays current whenever it is cloned; it
/// is entered as imported, since part of its story (the session, the conclusion, some deadlines) is already past.
/// </summary>
public static class CurrentMission
{
    public const string Code = "GS-2025-DVCTT-SCT";

    /// <summary>
    /// The day the mission's dates count back from: today, or late enough that its on-site session (90 days before)
    /// still falls under Law 121/2025, in force from 1 March 2026, whatever the host's clock says.
    /// </summary>
    public static DateOnly Anchor(DateOnly today) =>
        today > LegalRegimes.Law121InForce.AddDays(100) ? today : LegalRegimes.Law121InForce.AddDays(100);

    public static CreateMissionRequest Plan(Guid agencyId, DateOnly anchor) => new(
        Code,
        "Giám sát việc giải quyết thủ tục hành chính trên môi trường điện tử tại Sở Công Thương, năm 2025",
        "Việc tiếp nhận, giải quyết thủ tục hành chính trên môi trường điện tử; cung cấp dịch vụ công trực tuyến toàn trình",
        new DateOnly(2025, 1, 1),
        new DateOnly(2025, 12, 31),
        LegalRegime.Law121Of2025.Title(),
        [agencyId],
        [
            new("doangiamsat@missionflow.local", "delegation-head", "Đại diện Thường trực HĐND tỉnh — Trưởng đoàn"),
            new("phapche@missionflow.local", "delegation-member", "Đại diện lãnh đạo Ban Pháp chế HĐND tỉnh"),
            new("kinhte@missionflow.local", "delegation-member", "Đại diện lãnh đạo Ban Kinh tế - Ngân sách HĐND tỉnh"),
            new("vanphong@missionflow.local", "delegation-member", "Đại diện Văn phòng HĐND tỉnh"),
        ],
        new ScheduleRequest(anchor.AddDays(-100), anchor.AddDays(-90), anchor.AddDays(-75)),
        LegalRegime.Law121Of2025.Slug(),
        Imported: true);

    public static OnsiteSessionRequest Session(DateOnly anchor) => new(
        anchor.AddDays(-90),
        "Sở Công Thương tỉnh Thanh Hóa",
        ["Đoàn giám sát của Thường trực HĐND tỉnh", "Lãnh đạo Sở Công Thương", "Đại diện Trung tâm Phục vụ hành chính công tỉnh"],
        [
            new("TTHC thuộc thẩm quyền giải quyết của Sở", 128, "thủ tục"),
            new("TTHC cung cấp dịch vụ công trực tuyến toàn trình", 97, "thủ tục", "TTHC thuộc thẩm quyền giải quyết của Sở"),
            new("Hồ sơ tiếp nhận năm 2025", 6214, "hồ sơ"),
            new("Hồ sơ nộp trực tuyến", 4853, "hồ sơ", "Hồ sơ tiếp nhận năm 2025"),
            new("Hồ sơ giải quyết quá hạn", 37, "hồ sơ", "Hồ sơ tiếp nhận năm 2025"),
            new("Kết quả giải quyết TTHC được số hóa", 71, "%"),
        ],
        "Sở Công Thương báo cáo kết quả giải quyết TTHC trên môi trường điện tử năm 2025; Đoàn giám sát trao đổi, làm rõ nguyên nhân hồ sơ quá hạn và tỷ lệ số hóa kết quả còn thấp; Trưởng đoàn phát biểu kết luận buổi giám sát.");

    /// <summary>
    /// The recommendations, in the order <see cref="DemoFollowUp"/> takes them through follow-up; deadlines from
    /// 40 days before the anchor to 90 days after it.
    /// </summary>
    public static ConclusionRequest Conclusion(Guid agencyId, DateOnly anchor)
    {
        RecommendationRequest Item(string text, int days, string? field = null) => new(agencyId, text, anchor.AddDays(days), "calendar", "normal", field);
        return new(
            anchor.AddDays(-75),
            "Thường trực HĐND tỉnh Thanh Hóa",
            "Ghi nhận Sở Công Thương đã chủ động cung cấp dịch vụ công trực tuyến toàn trình đối với phần lớn thủ tục hành chính thuộc thẩm quyền; tỷ lệ hồ sơ nộp trực tuyến năm 2025 đạt khá.",
            [
                "Còn 37 hồ sơ giải quyết quá hạn, chủ yếu trong lĩnh vực lưu thông hàng hóa trong nước; việc xin lỗi tổ chức, cá nhân chưa kịp thời.",
                "Tỷ lệ số hóa kết quả giải quyết thủ tục hành chính mới đạt 71%, chưa đạt chỉ tiêu của tỉnh.",
                "Việc kết nối, chia sẻ dữ liệu với Cổng Dịch vụ công quốc gia còn gián đoạn; một số biểu mẫu điện tử chưa được cập nhật.",
            ],
            [
                Item("Rà soát, cập nhật đầy đủ biểu mẫu điện tử của các thủ tục hành chính đã được sửa đổi, bổ sung trên Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.", 90, "Thương mại điện tử"),
                Item("Xây dựng kế hoạch nâng tỷ lệ số hóa kết quả giải quyết thủ tục hành chính đạt chỉ tiêu của tỉnh.", 60),
                Item("Tổ chức tập huấn cho công chức tiếp nhận, giải quyết hồ sơ trực tuyến về quy trình điện tử và ký số.", 45),
                Item("Hoàn thành việc kết nối, chia sẻ dữ liệu với Cổng Dịch vụ công quốc gia đối với các thủ tục cấp giấy phép trong lĩnh vực an toàn thực phẩm.", 20, "An toàn thực phẩm"),
                Item("Rà soát toàn bộ hồ sơ giải quyết quá hạn năm 2025, làm rõ nguyên nhân và trách nhiệm của tập thể, cá nhân có liên quan.", -10, "Lưu thông hàng hóa trong nước"),
                Item("Công khai kết quả giải quyết hồ sơ và mức độ hài lòng của tổ chức, cá nhân trên Cổng thông tin điện tử của Sở.", 30),
                Item("Thực hiện việc xin lỗi tổ chức, cá nhân đối với các hồ sơ giải quyết quá hạn theo quy định.", 15, "Lưu thông hàng hóa trong nước"),
                Item("Ban hành quy chế phối hợp với Trung tâm Phục vụ hành chính công tỉnh trong tiếp nhận, trả kết quả hồ sơ trực tuyến.", -40),
                Item("Rà soát, đề xuất cắt giảm thành phần hồ sơ, thời gian giải quyết đối với các thủ tục trong lĩnh vực điện lực.", -20, "Điện lực"),
                Item("Bố trí đủ thiết bị ký số, chữ ký số cho công chức làm nhiệm vụ giải quyết thủ tục hành chính.", -5),
                Item("Báo cáo kết quả khắc phục tình trạng gián đoạn kết nối với Cổng Dịch vụ công quốc gia.", -30, "Thương mại điện tử"),
            ]);
    }
}
