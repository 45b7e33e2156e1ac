using MissionFlow.Core.Missions;

namespace MissionFlow.Core.Seeding;

/// <summary>
/// The Thanh Hóa mission of 8 October 2018 (shared/domain/thanh-hoa-2018-mission.md), as a committee would enter
/// it. The article gives no deadlines: these are set as a committee would, 30–60 days on and by year end.
/// </summary>
public static class ReferenceMission
{
    public const string Code = "GS-2018-CCHC-SCT";

    public static CreateMissionRequest Plan(Guid agencyId) => new(
        Code,
        "Giám sát công tác cải cách hành chính tại Sở Công Thương, giai đoạn 2015 – 2017",
        "Công tác cải cách hành chính (CCHC), trọng tâm là cải cách thủ tục hành chính (TTHC)",
        new DateOnly(2015, 1, 1),
        new DateOnly(2017, 12, 31),
        "Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân số 87/2015/QH13",
        [agencyId],
        [
            new("doangiamsat@missionflow.local", "delegation-head", "Phạm Thanh Sơn — Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực HĐND tỉnh"),
            new("phapche@missionflow.local", "delegation-member", "Đại diện lãnh đạo Ban Pháp chế HĐND tỉnh"),
            new("kinhte@missionflow.local", "delegation-member", "Đại diện lãnh đạo Ban Kinh tế - Ngân sách HĐND tỉnh"),
            new("vanphong@missionflow.local", "delegation-member", "Đại diện Văn phòng HĐND tỉnh"),
        ],
        // The article gives only the on-site date; the report and conclusion dates are a committee's usual ones.
        new ScheduleRequest(new DateOnly(2018, 9, 28), new DateOnly(2018, 10, 8), new DateOnly(2018, 10, 19), ReportDueAssumed: true, ConclusionDueAssumed: true),
        "law87of2015",
        Imported: true);

    public static OnsiteSessionRequest Session() => new(
        new DateOnly(2018, 10, 8),
        "Sở Công Thương tỉnh Thanh Hóa",
        ["Đoàn giám sát của Thường trực HĐND tỉnh", "Lãnh đạo Sở Công Thương"],
        [
            new("Nhiệm vụ kế hoạch CCHC hằng năm hoàn thành", 90, "%", Qualifier: "trên"),
            new("TTHC thực hiện theo cơ chế một cửa", 100, "%"),
            new("TTHC được cắt giảm 30% thời gian thực hiện", 42, "thủ tục"),
            new("Hồ sơ tiếp nhận 01/01/2015 – 31/12/2017", 4387, "hồ sơ"),
            new("Hồ sơ đã giải quyết", 4387, "hồ sơ", "Hồ sơ tiếp nhận 01/01/2015 – 31/12/2017"),
            new("Hồ sơ giải quyết đúng hạn", 4356, "hồ sơ", "Hồ sơ đã giải quyết"),
            new("Hồ sơ quá hạn", 0, "hồ sơ", "Hồ sơ đã giải quyết"),
            new("TTHC chuyển sang Trung tâm Hành chính công tỉnh (đến 12/2017)", 135, "thủ tục"),
        ],
        "Sở Công Thương báo cáo kết quả CCHC giai đoạn 2015 – 2017; Đoàn giám sát trao đổi, làm rõ; đồng chí Phạm Thanh Sơn phát biểu kết luận buổi giám sát.");

    public static ConclusionRequest Conclusion(Guid agencyId)
    {
        RecommendationRequest Item(string text, DateOnly deadline) => new(agencyId, text, deadline, "calendar", "normal");
        return new(
            new DateOnly(2018, 10, 8),
            "Phạm Thanh Sơn, Phó Chủ tịch Thường trực HĐND tỉnh",
            // The head's words at the session, not the agency's own report of "kết quả tích cực".
            "Ghi nhận những kết quả đạt được trong công tác lãnh đạo, chỉ đạo về CCHC, cải cách TTHC, thực hiện các nhiệm vụ thời gian qua của Sở Công Thương.",
            [
                "Công tác thông tin, tuyên truyền, hướng dẫn tổ chức và công dân thực hiện cải cách TTHC hiệu quả chưa cao; còn nhiều hồ sơ thiếu thành phần hoặc thành phần không hợp lệ.",
                "Công tác phối hợp với các cấp, các ngành trong việc rút ngắn thời gian thực hiện TTHC còn hạn chế.",
                "Mới thực hiện cơ chế một cửa, chưa thực hiện cơ chế một cửa liên thông.",
                "Năng lực thực hiện nhiệm vụ của số ít cán bộ, công chức còn hạn chế.",
                "Việc kiểm tra, thanh tra, xử lý chưa kiên quyết.",
            ],
            [
                Item("Quyết liệt cải cách hành chính theo tinh thần chỉ đạo của Bộ Công Thương, của UBND tỉnh Thanh Hóa; phối hợp chặt chẽ với các sở, ngành, địa phương trong giải quyết thủ tục hành chính.", new DateOnly(2018, 12, 31)),
                Item("Thường xuyên cập nhật các văn bản của Trung ương, của tỉnh về cải cách hành chính để làm tốt công tác tham mưu cho UBND tỉnh trong cải cách hành chính về lĩnh vực công thương.", new DateOnly(2018, 11, 30)),
                Item("Quan tâm tập huấn, nâng cao nhận thức, trách nhiệm của cán bộ, công chức về cải cách hành chính.", new DateOnly(2018, 12, 31)),
                Item("Thường xuyên rà soát, công bố, công khai, đơn giản hóa các TTHC; đề xuất, kiến nghị cấp có thẩm quyền sửa đổi, bổ sung các TTHC không còn phù hợp.", new DateOnly(2018, 11, 30)),
                Item("Cập nhật, công bố kịp thời các TTHC đã bãi bỏ, các TTHC mới ban hành, sửa đổi, bổ sung theo quy định.", new DateOnly(2018, 11, 30)),
                Item("Đẩy mạnh thanh tra, kiểm tra việc thực hiện chế độ công vụ.", new DateOnly(2019, 6, 30)),
                Item("Quan tâm xây dựng đội ngũ cán bộ đáp ứng yêu cầu nhiệm vụ.", new DateOnly(2019, 6, 30)),
                Item("Từng bước hiện đại hóa hành chính.", new DateOnly(2019, 12, 31)),
            ]);
    }
}
