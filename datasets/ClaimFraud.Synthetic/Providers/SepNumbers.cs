using ClaimFraud.Synthetic.Randomness;

namespace ClaimFraud.Synthetic.Providers;

/// <summary>
/// SEP numbers: 8-char provider code + MMYY of issue + 'V' + 6-digit serial, unique per provider and month.
/// Serials climb with gaps, because the claims generated are a sample of all SEPs a hospital issues.
/// </summary>
internal sealed class SepNumbers
{
    private readonly Dictionary<(int Hospital, int Month), int> _last = new();
    private readonly Rng _rng;

    public SepNumbers(Rng rng) => _rng = rng;

    public string Issue(Hospital hospital, DateTimeOffset issuedAt)
    {
        var local = issuedAt.ToOffset(Domain.Claims.StayCalendar.JakartaOffset);
        int month = local.Year * 12 + local.Month - 1;
        var key = (hospital.Index, month);
        if (!_last.TryGetValue(key, out int serial)) serial = _rng.Between(0, 4_000);
        // Gaps stand for SEPs of patients not in this dataset; they shrink as the serial nears its 6-digit limit.
        serial += serial < 800_000 ? 1 + (int)_rng.Exponential(2.5) : 1;
        if (serial > 999_999)
            throw new InvalidOperationException($"Hospital {hospital.Code} ran out of 6-digit SEP serials in {local:yyyy-MM}: use more hospitals or a longer period for this many claims.");
        _last[key] = serial;
        return string.Create(19, (hospital.Code, local.Month, local.Year % 100, serial), static (span, s) =>
        {
            s.Code.AsSpan().CopyTo(span);
            span[8] = (char)('0' + s.Month / 10);
            span[9] = (char)('0' + s.Month % 10);
            span[10] = (char)('0' + s.Item3 / 10);
            span[11] = (char)('0' + s.Item3 % 10);
            span[12] = 'V';
            int v = s.serial;
            for (int i = 18; i >= 13; i--) { span[i] = (char)('0' + v % 10); v /= 10; }
        });
    }
}
