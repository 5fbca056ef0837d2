using System.Text.Json;

namespace ClaimFraud.Kernel.Protocol;

/// <summary>
/// The connection file a Jupyter client writes before starting the kernel
/// (transport, ip, one port per channel, HMAC key and signature scheme).
/// </summary>
public sealed record ConnectionInfo(
    string Transport,
    string Ip,
    int ShellPort,
    int IopubPort,
    int StdinPort,
    int ControlPort,
    int HeartbeatPort,
    string Key,
    string SignatureScheme)
{
    public const string HmacSha256 = "hmac-sha256";

    public static ConnectionInfo Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Connection file '{path}' does not exist.", path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses connection-file JSON; <paramref name="source"/> names it in errors.</summary>
    public static ConnectionInfo Parse(string json, string source = "connection file")
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source} is not valid JSON: {e.Message}", e);
        }
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException($"{source} must hold a JSON object.");

        var transport = OptionalString(root, "transport", source) ?? "tcp";
        if (transport is not ("tcp" or "ipc"))
            throw new FormatException($"{source}: transport '{transport}' is not supported (expected 'tcp' or 'ipc').");
        var key = OptionalString(root, "key", source) ?? "";
        var scheme = OptionalString(root, "signature_scheme", source) ?? HmacSha256;
        if (key.Length > 0 && scheme != HmacSha256)
            throw new FormatException($"{source}: signature_scheme '{scheme}' is not supported (expected '{HmacSha256}').");

        return new ConnectionInfo(
            transport,
            OptionalString(root, "ip", source) ?? "127.0.0.1",
            Port(root, "shell_port", source),
            Port(root, "iopub_port", source),
            Port(root, "stdin_port", source),
            Port(root, "control_port", source),
            Port(root, "hb_port", source),
            key,
            scheme);
    }

    /// <summary>The zmq endpoint for one of this file's ports.</summary>
    public string Endpoint(int port) =>
        Transport == "ipc" ? $"ipc://{Ip}-{port}" : $"tcp://{Ip}:{port}";

    private static string? OptionalString(JsonElement root, string name, string source)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw new FormatException($"{source}: '{name}' must be a string.");
        return value.GetString();
    }

    private static int Port(JsonElement root, string name, string source)
    {
        if (!root.TryGetProperty(name, out var value)) throw new FormatException($"{source}: '{name}' is missing.");
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var port) || port is < 1 or > 65535)
            throw new FormatException($"{source}: '{name}' must be a port number between 1 and 65535.");
        return port;
    }
}
