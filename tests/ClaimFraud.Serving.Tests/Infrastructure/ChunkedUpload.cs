using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace ClaimFraud.Serving.Tests.Infrastructure;

/// <summary>
/// One HTTP/1.1 request over a plain socket with a chunked body sent piece by piece, its chunked response read as it
/// arrives. HttpClient cannot show streaming both ways on HTTP/1.1: it reads the response only once the request body
/// has been sent.
/// </summary>
public sealed class ChunkedUpload : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly List<byte> _raw = [];
    private readonly StringBuilder _body = new();
    private bool _headersRead;
    private bool _bodyEnded;

    private ChunkedUpload(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public int Status { get; private set; }

    public static async Task<ChunkedUpload> StartAsync(Uri server, string path, string contentType, string apiKey, CancellationToken ct)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, ct);
        var upload = new ChunkedUpload(tcp);
        var head = $"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\nAuthorization: Bearer {apiKey}\r\n" +
                   $"Content-Type: {contentType}\r\nTransfer-Encoding: chunked\r\n\r\n";
        await upload._stream.WriteAsync(Encoding.ASCII.GetBytes(head), ct);
        return upload;
    }

    public async Task SendAsync(string text, CancellationToken ct)
    {
        var data = Encoding.UTF8.GetBytes(text);
        await _stream.WriteAsync(Encoding.ASCII.GetBytes(data.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), ct);
        await _stream.WriteAsync(data, ct);
        await _stream.WriteAsync("\r\n"u8.ToArray(), ct);
        await _stream.FlushAsync(ct);
    }

    public async Task EndAsync(CancellationToken ct) => await _stream.WriteAsync("0\r\n\r\n"u8.ToArray(), ct);

    /// <summary>The next line of the response body, or null when the body has ended.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken ct)
    {
        while (true)
        {
            Decode();
            var text = _body.ToString();
            int newline = text.IndexOf('\n');
            if (newline >= 0)
            {
                _body.Remove(0, newline + 1);
                return text[..newline];
            }
            if (_bodyEnded) return text.Length == 0 ? null : Take(text);
            var buffer = new byte[8192];
            int read = await _stream.ReadAsync(buffer, ct);
            if (read == 0) { _bodyEnded = true; continue; }
            _raw.AddRange(buffer.AsSpan(0, read).ToArray());
        }
    }

    private string Take(string text)
    {
        _body.Clear();
        return text;
    }

    /// <summary>Moves whole chunks from the raw bytes into the decoded body (and the status line and headers out of the way).</summary>
    private void Decode()
    {
        if (!_headersRead)
        {
            int end = IndexOf("\r\n\r\n"u8);
            if (end < 0) return;
            var head = Encoding.ASCII.GetString([.. _raw.GetRange(0, end)]);
            Status = int.Parse(head.Split(' ')[1], CultureInfo.InvariantCulture);
            if (!head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException("expected a chunked response:\n" + head);
            _raw.RemoveRange(0, end + 4);
            _headersRead = true;
        }
        while (!_bodyEnded)
        {
            int lineEnd = IndexOf("\r\n"u8);
            if (lineEnd < 0) return;
            int size = int.Parse(Encoding.ASCII.GetString([.. _raw.GetRange(0, lineEnd)]), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (_raw.Count < lineEnd + 2 + size + 2) return;
            _body.Append(Encoding.UTF8.GetString([.. _raw.GetRange(lineEnd + 2, size)]));
            _raw.RemoveRange(0, lineEnd + 2 + size + 2);
            if (size == 0) _bodyEnded = true;
        }
    }

    private int IndexOf(ReadOnlySpan<byte> pattern) => _raw.ToArray().AsSpan().IndexOf(pattern);

    public ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }
}
