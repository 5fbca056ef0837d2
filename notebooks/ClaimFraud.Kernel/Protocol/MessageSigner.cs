using System.Security.Cryptography;
using System.Text;

namespace ClaimFraud.Kernel.Protocol;

/// <summary>
/// HMAC-SHA256 over the four JSON frames (header, parent_header, metadata, content), as the
/// Jupyter wire protocol defines; an empty key means messages are neither signed nor checked.
/// </summary>
public sealed class MessageSigner
{
    private readonly byte[] _key;

    public MessageSigner(string key)
    {
        _key = Encoding.UTF8.GetBytes(key);
    }

    public bool IsEnabled => _key.Length > 0;

    /// <summary>Lower-case hex signature of the frames, or "" when signing is off.</summary>
    public string Sign(ReadOnlySpan<byte[]> frames)
    {
        if (!IsEnabled) return "";
        return Convert.ToHexStringLower(Digest(frames));
    }

    /// <summary>True when <paramref name="signature"/> matches the frames (constant-time compare).</summary>
    public bool Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte[]> frames)
    {
        if (!IsEnabled) return true;
        Span<byte> expected = stackalloc byte[64];
        var digest = Digest(frames);
        Encoding.ASCII.GetBytes(Convert.ToHexStringLower(digest), expected);
        return CryptographicOperations.FixedTimeEquals(expected, signature);
    }

    private byte[] Digest(ReadOnlySpan<byte[]> frames)
    {
        // IncrementalHash per call keeps the signer safe to share across threads.
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        foreach (var frame in frames) hmac.AppendData(frame);
        return hmac.GetHashAndReset();
    }
}
