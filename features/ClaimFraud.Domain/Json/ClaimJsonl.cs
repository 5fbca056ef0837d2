using System.Text.Json;
using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Validation;

namespace ClaimFraud.Domain.Json;

/// <summary>One line of a JSONL file of claims, with its 1-based line number for error messages.</summary>
public sealed record ClaimLine(long LineNumber, ClaimParseResult Result);

/// <summary>Streams JSON Lines files of claims (contract §4/§5): one claim per line, optionally with its label.</summary>
public static class ClaimJsonl
{
    /// <summary>Reads lines lazily; blank lines are skipped, every other line yields a result (valid or with errors).</summary>
    public static IEnumerable<ClaimLine> Read(TextReader reader, ClaimValidationOptions? options = null, bool requireLabel = false)
    {
        long n = 0;
        while (reader.ReadLine() is { } line)
        {
            n++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return new ClaimLine(n, ClaimJson.Parse(line, options, requireLabel));
        }
    }

    public static IEnumerable<ClaimLine> ReadFile(string path, ClaimValidationOptions? options = null, bool requireLabel = false)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        foreach (var line in Read(reader, options, requireLabel)) yield return line;
    }

    /// <summary>Reads every line and fails on the first bad one with its line number and fields.</summary>
    public static IEnumerable<LabeledClaim> ReadValidFile(string path, ClaimValidationOptions? options = null, bool requireLabel = false)
    {
        foreach (var line in ReadFile(path, options, requireLabel))
        {
            if (line.Result.Claim is null)
                throw new InvalidDataException($"{path}:{line.LineNumber}: {line.Result.Errors}");
            yield return new LabeledClaim(line.Result.Claim, line.Result.Label);
        }
    }
}

/// <summary>Writes claims as JSON Lines into any stream, one <see cref="Utf8JsonWriter"/> reused for speed.</summary>
public sealed class ClaimJsonlWriter : IDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _writer;

    public ClaimJsonlWriter(Stream stream)
    {
        _stream = stream;
        _writer = new Utf8JsonWriter(stream, ClaimJson.WriterOptions);
    }

    public long Count { get; private set; }

    public void Write(Claim claim, ClaimLabel? label = null)
    {
        ClaimJson.Write(_writer, claim, label);
        _writer.Flush();
        _writer.Reset(_stream);
        _stream.Write(NewLine);
        Count++;
    }

    public void Flush()
    {
        _writer.Flush();
        _stream.Flush();
    }

    public void Dispose()
    {
        Flush();
        _writer.Dispose();
    }
}
