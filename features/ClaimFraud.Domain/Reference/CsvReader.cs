using System.Text;

namespace ClaimFraud.Domain.Reference;

/// <summary>One CSV record: its fields and the 1-based line on which it starts.</summary>
public readonly record struct CsvRecord(int Line, string[] Fields);

/// <summary>
/// A strict RFC 4180 reader: comma-separated fields, fields quoted with <c>"</c> may hold commas, line
/// breaks and doubled quotes; LF or CRLF line ends; a UTF-8 BOM is skipped. Anything else (a quote
/// inside an unquoted field, text after a closing quote, an unterminated quote, a bare CR) is an error
/// naming the source, line and field, never silently repaired.
/// </summary>
public static class CsvReader
{
    /// <summary>Reads a whole file (UTF-8). A missing file raises <see cref="FileNotFoundException"/> naming it.</summary>
    public static IEnumerable<CsvRecord> ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileNotFoundException($"CSV file not found: {path}", path, e);
        }
        return Parse(text, path);
    }

    /// <summary>Parses CSV text; <paramref name="source"/> names it in error messages.</summary>
    public static IEnumerable<CsvRecord> Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        return Records(text, source);
    }

    private static IEnumerable<CsvRecord> Records(string text, string source)
    {
        var parser = new Parser(text, source);
        while (parser.TryRead(out var record)) yield return record;
    }

    private sealed class Parser(string text, string source)
    {
        private int _pos = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        private int _line = 1;
        private int _lineStart = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        private readonly List<string> _fields = [];
        private readonly StringBuilder _quoted = new();

        public bool TryRead(out CsvRecord record)
        {
            record = default;
            if (_pos >= text.Length) return false;
            int recordLine = _line;
            _fields.Clear();
            while (true)
            {
                _fields.Add(text[_pos] == '"' ? ReadQuoted() : ReadPlain());
                if (_pos >= text.Length) break;
                if (text[_pos] == ',')
                {
                    _pos++;
                    if (_pos >= text.Length) { _fields.Add(""); break; }
                    continue;
                }
                ConsumeLineEnd();
                break;
            }
            record = new CsvRecord(recordLine, _fields.ToArray());
            return true;
        }

        private string ReadPlain()
        {
            int start = _pos;
            int stop = text.AsSpan(_pos).IndexOfAny(",\n\r\"");
            int end = stop < 0 ? text.Length : _pos + stop;
            if (end < text.Length && text[end] == '"')
                throw Error(end, "a quote inside an unquoted field (quote the whole field and double the inner quote)");
            _pos = end;
            return text.Substring(start, end - start);
        }

        private string ReadQuoted()
        {
            int openLine = _line, openAt = _pos;
            int openColumn = openAt - _lineStart + 1;
            _pos++;
            _quoted.Clear();
            while (true)
            {
                int close = text.IndexOf('"', _pos);
                if (close < 0)
                    throw new CsvFormatException(source, openLine, _fields.Count + 1, null,
                        $"the quote opened at character {openColumn} is never closed");
                for (int i = _pos; i < close; i++)
                {
                    if (text[i] == '\n') { _line++; _lineStart = i + 1; }
                }
                _quoted.Append(text, _pos, close - _pos);
                if (close + 1 < text.Length && text[close + 1] == '"')
                {
                    _quoted.Append('"');
                    _pos = close + 2;
                    continue;
                }
                _pos = close + 1;
                break;
            }
            if (_pos < text.Length && text[_pos] is not (',' or '\n' or '\r'))
                throw Error(_pos, $"unexpected '{text[_pos]}' after a closing quote");
            return _quoted.ToString();
        }

        private void ConsumeLineEnd()
        {
            if (text[_pos] == '\r')
            {
                if (_pos + 1 >= text.Length || text[_pos + 1] != '\n') throw Error(_pos, "a carriage return not followed by a line feed");
                _pos += 2;
            }
            else
            {
                _pos++;
            }
            _line++;
            _lineStart = _pos;
        }

        private CsvFormatException Error(int at, string problem) =>
            new(source, _line, _fields.Count + 1, null, $"{problem} (character {at - _lineStart + 1})");
    }
}
