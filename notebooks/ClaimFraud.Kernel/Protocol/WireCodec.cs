using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClaimFraud.Kernel.Protocol;

/// <summary>A message that could not be decoded, or whose signature did not match.</summary>
public sealed class InvalidMessageException(string message) : Exception(message);

/// <summary>
/// Jupyter wire format: [identities…, "&lt;IDS|MSG&gt;", signature, header, parent_header,
/// metadata, content, buffers…].
/// </summary>
public sealed class WireCodec(MessageSigner signer)
{
    public static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    // Wire JSON never lands inside HTML, so there is no need to escape '<' or non-ASCII.
    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public List<byte[]> Encode(JupyterMessage message)
    {
        var parts = new[]
        {
            Serialize(message.Header),
            Serialize(message.ParentHeader),
            Serialize(message.Metadata),
            Serialize(message.Content),
        };
        var frames = new List<byte[]>(message.Identities.Count + 6 + message.Buffers.Count);
        frames.AddRange(message.Identities);
        frames.Add(Delimiter);
        frames.Add(Encoding.ASCII.GetBytes(signer.Sign(parts)));
        frames.AddRange(parts);
        frames.AddRange(message.Buffers);
        return frames;
    }

    public JupyterMessage Decode(IReadOnlyList<byte[]> frames)
    {
        var delimiter = -1;
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i].AsSpan().SequenceEqual(Delimiter)) { delimiter = i; break; }
        }
        if (delimiter < 0) throw new InvalidMessageException("The message has no <IDS|MSG> delimiter frame.");
        if (frames.Count < delimiter + 6)
            throw new InvalidMessageException($"The message has {frames.Count - delimiter - 1} frames after the delimiter; at least 5 are needed.");

        var parts = new[] { frames[delimiter + 2], frames[delimiter + 3], frames[delimiter + 4], frames[delimiter + 5] };
        if (!signer.Verify(frames[delimiter + 1], parts))
            throw new InvalidMessageException("The message signature does not match its content.");

        return new JupyterMessage(
            frames.Take(delimiter).ToArray(),
            ParseObject(parts[0], "header"),
            ParseObject(parts[1], "parent_header"),
            ParseObject(parts[2], "metadata"),
            ParseObject(parts[3], "content"),
            frames.Skip(delimiter + 6).ToArray());
    }

    internal static byte[] Serialize(JsonObject value) =>
        JsonSerializer.SerializeToUtf8Bytes(value, JsonOptions);

    private static JsonObject ParseObject(byte[] json, string name)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject
                ?? throw new InvalidMessageException($"The message {name} is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidMessageException($"The message {name} is not valid JSON: {e.Message}");
        }
    }
}
