using System.Security.Cryptography;
using System.Text;
using ClaimFraud.Serving.Options;
using Microsoft.Extensions.Options;

namespace ClaimFraud.Serving.Auth;

/// <summary>
/// The API key and how a presented one is checked: both are hashed with SHA-256 and compared in constant time, so
/// neither the key's content nor its length shows in the response time.
/// </summary>
internal sealed class ApiKeys
{
    private readonly byte[] _keyHash;

    public ApiKeys(IOptions<AuthOptions> options, IConfiguration configuration)
    {
        var o = options.Value;
        Disabled = o.Disabled;
        string? key = !string.IsNullOrEmpty(o.ApiKey) ? o.ApiKey : configuration[AuthOptions.KeyVariable];
        // Auth:ApiKey is checked with the other options; the variable's value is checked here, at start, the same way.
        if (string.IsNullOrEmpty(o.ApiKey) && key is { Length: > 0 } && AuthOptions.KeyProblem(key) is { } problem)
            throw new InvalidOperationException($"{AuthOptions.KeyVariable} {problem}");
        if (string.IsNullOrEmpty(key))
        {
            // A credential must be unpredictable, so this is the one random value in the app that takes no seed.
            key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            GeneratedKey = key;
        }
        _keyHash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    /// <summary>Authentication is off (Auth:Disabled=true): every caller is accepted.</summary>
    public bool Disabled { get; }

    /// <summary>The key made at start because none was configured, to be printed once; null when configured.</summary>
    public string? GeneratedKey { get; }

    public bool IsValid(ReadOnlySpan<char> presented)
    {
        if (Disabled) return true;
        if (presented.IsEmpty || presented.Length > AuthOptions.MaxKeyChars) return false;
        Span<byte> utf8 = stackalloc byte[AuthOptions.MaxKeyChars * 3];
        int n = Encoding.UTF8.GetBytes(presented, utf8);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..n], hash);
        return CryptographicOperations.FixedTimeEquals(hash, _keyHash);
    }

    /// <summary>Whether the request carries <c>Authorization: Bearer &lt;key&gt;</c> with the right key.</summary>
    public bool HasValidBearer(HttpRequest request)
    {
        if (Disabled) return true;
        var values = request.Headers.Authorization;
        if (values.Count != 1) return false;
        return BearerToken(values[0]) is { } token && IsValid(token);
    }

    public static string? BearerToken(string? header)
    {
        if (header is null || header.Length < 7 || !header.AsSpan(0, 7).Equals("Bearer ", StringComparison.OrdinalIgnoreCase)) return null;
        var token = header.AsSpan(7).Trim();
        return token.IsEmpty ? null : token.ToString();
    }
}
