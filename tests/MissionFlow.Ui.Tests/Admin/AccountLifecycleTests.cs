namespace MissionFlow.Ui.Tests.Admin;

/// <summary>The admin disables, enables and edits an account on the accounts page; the person notices at once.</summary>
[Collection(UiCollection.Name)]
public sealed class AccountLifecycleTests(UiHost host)
{
    private const string Email = "chuyenvien2.socongthuong@missionflow.local";
    private const string Password = "hoa sen no giua dam lay";

    [Fact]
    public async Task A_disabled_person_is_signed_out_on_their_next_page_and_an_edited_one_signs_in_with_the_new_role()
    {
        var admin = await host.SignInAsync(Demo.Admin);
        await admin.GotoAsync("/Admin/Accounts");
        await admin.FillAsync("#Form_Email", Email);
        await admin.FillAsync("#Form_FullName", "Chuyên viên thứ hai Sở Công Thương");
        await admin.SelectOptionAsync("#Form_Role", "agency-officer");
        await admin.SelectOptionAsync("#Form_AgencyId", new Microsoft.Playwright.SelectOptionValue { Label = "Sở Công Thương tỉnh Thanh Hóa" });
        await admin.FillAsync("#Form_Password", Password);
        await admin.SubmitAsync("form.form button.primary");
        await admin.ExpectNoErrorAsync();

        var person = await host.NewPageAsync();
        await person.GotoAsync("/Account/SignIn");
        await person.SignInHereAsync(Email, Password);
        Assert.EndsWith("/Recommendations", person.Url);

        await admin.SubmitAsync($"tr[data-account='{Email}'] button:has-text('Vô hiệu hóa')");
        Assert.Contains($"Đã vô hiệu hóa tài khoản {Email}", await admin.TextOfAsync("main"));
        Assert.Contains("Có", await admin.TextOfAsync($"tr[data-account='{Email}'] td:nth-child(7)"));
        await Screenshots.SaveAsync(admin, "admin-account-disabled");

        await person.ReloadAsync();
        Assert.Contains("/Account/SignIn", person.Url);
        await person.SignInHereAsync(Email, Password);
        Assert.Contains("không được phép đăng nhập", await person.TextOfAsync(".errors"));

        await admin.SubmitAsync($"tr[data-account='{Email}'] button:has-text('Mở lại')");
        await admin.ClickAsync($"tr[data-account='{Email}'] a:has-text('Sửa')");
        await admin.SelectOptionAsync("#Change_Role", "agency-head");
        await admin.SubmitAsync("#edit-account button.primary");
        await admin.ExpectNoErrorAsync();
        Assert.Contains("Thủ trưởng cơ quan", await admin.TextOfAsync($"tr[data-account='{Email}']"));

        await person.SignInHereAsync(Email, Password);
        Assert.EndsWith("/Recommendations", person.Url);
    }

    [Fact]
    public async Task The_admin_is_told_in_Vietnamese_why_an_agency_role_needs_an_agency_and_nothing_changes()
    {
        var admin = await host.SignInAsync(Demo.Admin);
        await admin.GotoAsync("/Admin/Accounts");
        await admin.ClickAsync($"tr[data-account='{Demo.DelegationMember}'] a:has-text('Sửa')");
        await admin.SelectOptionAsync("#Change_Role", "agency-officer");
        await admin.SubmitAsync("#edit-account button.primary");

        Assert.Contains("Chuyên viên hoặc Thủ trưởng cơ quan phải thuộc một cơ quan: cần chọn Cơ quan.", await admin.TextOfAsync(".errors"));
        Assert.DoesNotContain("Chuyên viên cơ quan", await admin.TextOfAsync($"tr[data-account='{Demo.DelegationMember}']"));
    }
}
