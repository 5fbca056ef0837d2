using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ClaimFraud.Kernel.Protocol;

/// <summary>Builds the kernel's outgoing messages with fresh headers and the right parent.</summary>
public sealed class MessageFactory(string session, TimeProvider clock)
{
    private long _counter;

    public string Session { get; } = session;

    /// <summary>A reply on the channel the request came in on (same routing identities).</summary>
    public JupyterMessage Reply(JupyterMessage request, string msgType, JsonObject content) =>
        new(request.Identities, NewHeader(msgType), (JsonObject)request.Header.DeepClone(), new JsonObject(), content);

    /// <summary>An IOPub broadcast; <paramref name="parent"/> is the request it belongs to, if any.</summary>
    public JupyterMessage Publish(JupyterMessage? parent, string msgType, JsonObject content) =>
        new([Encoding.UTF8.GetBytes("kernel." + msgType)], NewHeader(msgType),
            parent is null ? new JsonObject() : (JsonObject)parent.Header.DeepClone(), new JsonObject(), content);

    public JsonObject NewHeader(string msgType) => new()
    {
        ["msg_id"] = $"{Session}_{Interlocked.Increment(ref _counter)}",
        ["session"] = Session,
        ["username"] = "kernel",
        ["date"] = clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        ["msg_type"] = msgType,
        ["version"] = JupyterMessage.ProtocolVersion,
    };
}
