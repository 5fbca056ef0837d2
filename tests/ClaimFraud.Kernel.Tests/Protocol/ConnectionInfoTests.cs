using ClaimFraud.Kernel.Protocol;

namespace ClaimFraud.Kernel.Tests.Protocol;

public class ConnectionInfoTests
{
    private const string Typical = """
        {"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004, "hb_port": 5005,
         "ip": "127.0.0.1", "key": "abc", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "x"}
        """;

    [Fact]
    public void ATypicalConnectionFileGivesTcpEndpointsAndTheKey()
    {
        var info = ConnectionInfo.Parse(Typical);

        Assert.Equal("tcp://127.0.0.1:5001", info.Endpoint(info.ShellPort));
        Assert.Equal(5005, info.HeartbeatPort);
        Assert.Equal("abc", info.Key);
    }

    [Fact]
    public void IpcTransportUsesTheIpAsAPathPrefix()
    {
        var info = ConnectionInfo.Parse(Typical.Replace("\"tcp\"", "\"ipc\"").Replace("127.0.0.1", "/tmp/kernel"));

        Assert.Equal("ipc:///tmp/kernel-5002", info.Endpoint(info.IopubPort));
    }

    [Fact]
    public void AMissingPortIsNamedInTheError()
    {
        var error = Assert.Throws<FormatException>(() => ConnectionInfo.Parse(Typical.Replace("\"hb_port\": 5005,", ""), "conn.json"));

        Assert.Contains("hb_port", error.Message);
        Assert.Contains("conn.json", error.Message);
    }

    [Fact]
    public void AnUnsupportedSignatureSchemeIsRefused()
    {
        var error = Assert.Throws<FormatException>(() => ConnectionInfo.Parse(Typical.Replace("hmac-sha256", "hmac-md5")));

        Assert.Contains("hmac-md5", error.Message);
    }

    [Fact]
    public void AMissingFileIsReportedByPath()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-connection-file.json");

        var error = Assert.Throws<FileNotFoundException>(() => ConnectionInfo.Load(path));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void CursorPositionsConvertBetweenCodePointsAndUtf16()
    {
        var code = "var s = \"😀\"; s.Len";

        var utf16 = CodePoints.ToUtf16Index(code, 18);

        Assert.Equal(19, utf16);
        Assert.Equal(18, CodePoints.FromUtf16Index(code, utf16));
    }
}
