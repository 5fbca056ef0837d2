using System.Text.Json.Nodes;

namespace ClaimFraud.Kernel.Protocol;

/// <summary>
/// One Jupyter message: routing identities, the four JSON dictionaries and any binary buffers.
/// The JSON parts stay as JSON objects so a parent header is echoed back exactly as received.
/// </summary>
public sealed class JupyterMessage
{
    public const string ProtocolVersion = "5.3";

    public JupyterMessage(
        IReadOnlyList<byte[]> identities,
        JsonObject header,
        JsonObject parentHeader,
        JsonObject metadata,
        JsonObject content,
        IReadOnlyList<byte[]>? buffers = null)
    {
        Identities = identities;
        Header = header;
        ParentHeader = parentHeader;
        Metadata = metadata;
        Content = content;
        Buffers = buffers ?? [];
    }

    public IReadOnlyList<byte[]> Identities { get; }
    public JsonObject Header { get; }
    public JsonObject ParentHeader { get; }
    public JsonObject Metadata { get; }
    public JsonObject Content { get; }
    public IReadOnlyList<byte[]> Buffers { get; }

    public string MsgType => HeaderString("msg_type");
    public string MsgId => HeaderString("msg_id");
    public string Session => HeaderString("session");
    public string Username => HeaderString("username");

    private string HeaderString(string name) =>
        Header.TryGetPropertyValue(name, out var value) && value is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
