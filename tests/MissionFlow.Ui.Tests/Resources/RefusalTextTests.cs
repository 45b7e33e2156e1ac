using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.Common;
using MissionFlow.Web.Ui;

namespace MissionFlow.Ui.Tests.Resources;

/// <summary>A refusal is told in the reader's language, naming the field and the step as the pages do.</summary>
[Collection(UiCollection.Name)]
public sealed class RefusalTextTests(UiHost host)
{
    [Theory]
    [InlineData("vi", "Thời hạn mới đề nghị phải sau thời hạn hiện tại (2019-12-31).", "Chưa đủ điều kiện để thực hiện \u201cBan hành thông báo kết luận\u201d: cần có thông báo kết luận với ít nhất một kiến nghị.")]
    [InlineData("en", "must be after the current deadline (2019-12-31).", "cannot be done yet: the conclusion needs at least one recommendation.")]
    public async Task Refusals_are_told_in_the_readers_language(string language, string early, string unmet)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(language);
        try
        {
            var text = scope.ServiceProvider.GetRequiredService<UiText>();
            Assert.EndsWith(early, text.Refusal(new InvalidRequestException("newDeadline", "English") { Code = "after", Args = ["newDeadline", "2019-12-31"] }));
            Assert.EndsWith(unmet, text.Refusal(new ConflictException("English") { Code = "requirement", Args = ["issue-conclusion", "conclusion-written"] }));
            var late = new InvalidRequestException("recommendations[1].deadline", "English") { Code = "deadline-past", Args = ["deadline"] };
            Assert.StartsWith(language == "vi" ? "Thời hạn đã qua." : "Deadline has already passed.", text.Refusal(late));
            // A refusal without a code keeps the domain's own words rather than showing nothing.
            Assert.Equal("A mission with code 'X' already exists.", text.Refusal(new ConflictException("A mission with code 'X' already exists.")));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
