using System.Net;
using System.Net.Http.Json;

namespace MissionFlow.Web.Tests.People;

/// <summary>NIST SP 800-63B: long enough, not a known password, and no composition rules.</summary>
public sealed class PasswordPolicyTests : IAsyncLifetime
{
    private readonly MissionFlowApp _app = new();
    private HttpClient _admin = null!;

    public async Task InitializeAsync() => _admin = await _app.SignInAsync(Demo.Admin);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Eleven_characters_are_refused_naming_the_password_and_no_account_is_made()
    {
        var refused = await CreateAsync("mat.khau.ngan@thanhhoa.example", "Abcdef@1234");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var reason = (await refused.JsonAsync()).GetProperty("errors").GetProperty("password")[0].GetString();
        Assert.Contains("at least 12 characters", reason);
        Assert.DoesNotContain("mat.khau.ngan@thanhhoa.example", (await _admin.GetJsonAsync("/api/users")).Strings("email"));
    }

    [Fact]
    public async Task A_common_password_of_twelve_characters_or_more_is_refused_whatever_its_case()
    {
        var refused = await CreateAsync("mat.khau.pho.bien@thanhhoa.example", "Qwerty123456");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("commonly used passwords", (await refused.JsonAsync()).GetProperty("errors").GetProperty("password")[0].GetString());
    }

    [Fact]
    public async Task A_long_passphrase_of_lowercase_words_is_accepted_and_signs_in()
    {
        var created = await CreateAsync("cum.tu.dai@thanhhoa.example", "dong song chay qua lang cu");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var person = await _app.SignInAsync("cum.tu.dai@thanhhoa.example", "dong song chay qua lang cu");
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/api/missions")).StatusCode);
    }

    private Task<HttpResponseMessage> CreateAsync(string email, string password) =>
        _admin.PostAsJsonAsync("/api/users", new { email, fullName = "Thử chính sách mật khẩu", role = "committee", password });
}
