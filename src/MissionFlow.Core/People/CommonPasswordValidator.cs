using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace MissionFlow.Core.People;

/// <summary>
/// Refuses a password found on the list of common passwords shipped with the app (common-passwords.txt, its
/// source and licence in its header), whatever its case: NIST SP 800-63B's check against known passwords, in
/// place of composition rules.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const string Code = "CommonPassword";

    // Read once per process: 44,000 short strings, a few megabytes, and a lookup in constant time.
    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password is not null && Common.Value.Contains(password)
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = "This password is on the list of commonly used passwords; choose another, such as a few unrelated words." })
            : IdentityResult.Success);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("MissionFlow.Core.People.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded in MissionFlow.Core.");
        using var reader = new StreamReader(stream);
        var passwords = new List<string>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && !line.StartsWith("# ", StringComparison.Ordinal) && line != "#")
                passwords.Add(line);
        return passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
