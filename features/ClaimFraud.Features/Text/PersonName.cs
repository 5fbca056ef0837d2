using System.Collections.Frozen;

namespace ClaimFraud.Features.Text;

/// <summary>
/// Compares Indonesian patient names as a verifier would: honorifics (dr., H., Hj., Tn., Ny.), academic degrees
/// (S.Kom, S.H., M.Kes), case and punctuation do not make two names different; a patronymic ("bin Abdullah") does.
/// "binti" and "bin" count as the same word.
/// </summary>
public static class PersonName
{
    /// <summary>Longest normalised name kept; longer names are compared on their first characters.</summary>
    public const int MaxLength = 128;

    // Honorifics written before a name; dropped only while no name word has been seen yet.
    private static readonly FrozenSet<string> PrefixTitles = FrozenSet.Create(StringComparer.Ordinal,
        "dr", "drg", "drs", "dra", "h", "hj", "tn", "ny", "nn", "an", "by", "sdr", "sdri", "ir", "prof", "kh", "ust", "bpk", "ibu");

    // Degrees written after a name. Dropped only when written with a dot (or after a comma), so that a name word that
    // happens to spell one survives.
    private static readonly FrozenSet<string> Degrees = FrozenSet.Create(StringComparer.Ordinal,
        "skom", "sh", "se", "st", "spd", "skep", "sked", "sfarm", "ssos", "sag", "sip", "ssi", "sst", "spsi", "sikom", "sgz",
        "shut", "spt", "sak", "ssn", "ssy", "sthi", "mm", "msi", "mkes", "mpd", "mt", "mkom", "mh", "mag", "msc", "ma",
        "amd", "amdkep", "amdkeb", "amk", "phd", "mba", "bsc", "ba", "spog", "sppd", "spa", "spb", "spjp", "spp", "sps", "spm",
        "ners", "apt");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PrefixLookup = PrefixTitles.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DegreeLookup = Degrees.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The normalised form: lower-case words of letters and digits, single spaces, titles and degrees removed.</summary>
    public static string Normalize(ReadOnlySpan<char> name)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        return new string(buffer[..Normalize(name, buffer)]);
    }

    /// <summary>Writes the normalised form into <paramref name="destination"/> (truncated to its length) and returns the length written.</summary>
    public static int Normalize(ReadOnlySpan<char> name, Span<char> destination)
    {
        int written = 0;
        bool sawNameWord = false, afterComma = false;
        Span<char> word = stackalloc char[MaxLength];
        int i = 0;
        while (i < name.Length)
        {
            char c = name[i];
            if (c == ',') { afterComma = true; i++; continue; }
            if (char.IsWhiteSpace(c)) { i++; continue; }
            int start = i;
            while (i < name.Length && name[i] != ',' && !char.IsWhiteSpace(name[i])) i++;
            var token = name[start..i];

            if (sawNameWord)
            {
                if (afterComma) continue; // "Ahmad Fauzi, S.Kom., M.M.": all after the comma is degrees
                if (token.Contains('.') && DegreeLookup.Contains(word[..Compact(token, word)])) continue;
            }

            // Words inside the token ("dr.Ahmad" → dr, ahmad); apostrophes join ("Ma'ruf" → maruf).
            int j = 0;
            while (j < token.Length)
            {
                int wl = 0;
                while (j < token.Length)
                {
                    char t = token[j];
                    if (char.IsAsciiLetterLower(t) || char.IsAsciiDigit(t)) { if (wl < word.Length) word[wl++] = t; }
                    else if (char.IsAsciiLetterUpper(t)) { if (wl < word.Length) word[wl++] = (char)(t | 0x20); }
                    else if (t >= 128 && char.IsLetterOrDigit(t)) { if (wl < word.Length) word[wl++] = char.ToLowerInvariant(t); }
                    else if (!IsApostrophe(t)) break;
                    j++;
                }
                if (wl == 0) { j++; continue; }
                ReadOnlySpan<char> w = word[..wl];
                if (!sawNameWord && PrefixLookup.Contains(w)) continue;
                if (w.SequenceEqual("binti")) w = "bin";
                if (written > 0 && written < destination.Length) destination[written++] = ' ';
                int take = Math.Min(w.Length, destination.Length - written);
                w[..take].CopyTo(destination[written..]);
                written += take;
                sawNameWord = true;
            }
        }
        return written;
    }

    /// <summary>1 − Levenshtein distance / longer length of the two normalised names; 1 when they normalise alike.</summary>
    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        Span<char> na = stackalloc char[MaxLength];
        Span<char> nb = stackalloc char[MaxLength];
        int la = Normalize(a, na), lb = Normalize(b, nb);
        return NormalizedSimilarity(na[..la], nb[..lb]);
    }

    /// <summary>Similarity of two already-normalised names.</summary>
    public static double NormalizedSimilarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.SequenceEqual(b)) return 1;
        return 1.0 - (double)Levenshtein(a, b) / Math.Max(a.Length, b.Length);
    }

    private static int Levenshtein(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length > b.Length) { var t = a; a = b; b = t; }
        if (a.Length == 0) return b.Length;
        if (a.Length <= 64 && IsAscii(a)) return BitParallelLevenshtein(a, b);
        return TableLevenshtein(a, b);
    }

    /// <summary>
    /// Myers' bit-vector edit distance (Hyyrö's formulation): the pattern's DP column lives in two 64-bit words,
    /// so each character of the text costs a handful of bit operations instead of a row of the table.
    /// </summary>
    private static int BitParallelLevenshtein(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        Span<ulong> peq = stackalloc ulong[128];
        peq.Clear();
        for (int i = 0; i < pattern.Length; i++) peq[pattern[i]] |= 1UL << i;
        ulong pv = ulong.MaxValue, mv = 0, last = 1UL << (pattern.Length - 1);
        int score = pattern.Length;
        foreach (char c in text)
        {
            ulong eq = c < 128 ? peq[c] : 0;
            ulong xv = eq | mv;
            ulong xh = (((eq & pv) + pv) ^ pv) | eq;
            ulong ph = mv | ~(xh | pv);
            ulong mh = pv & xh;
            if ((ph & last) != 0) score++;
            else if ((mh & last) != 0) score--;
            ph = ph << 1 | 1;
            mh <<= 1;
            pv = mh | ~(xv | ph);
            mv = ph & xv;
        }
        return score;
    }

    private static int TableLevenshtein(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        Span<int> prev = stackalloc int[b.Length + 1];
        Span<int> cur = stackalloc int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            var t = prev; prev = cur; cur = t;
        }
        return prev[b.Length];
    }

    private static bool IsAscii(ReadOnlySpan<char> s)
    {
        foreach (char c in s) if (c >= 128) return false;
        return true;
    }

    private static int Compact(ReadOnlySpan<char> token, Span<char> into)
    {
        int n = 0;
        foreach (char c in token)
            if (char.IsLetterOrDigit(c) && n < into.Length) into[n++] = char.ToLowerInvariant(c);
        return n;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '`';
}
