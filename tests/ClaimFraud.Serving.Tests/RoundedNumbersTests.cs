using System.Buffers;
using System.Text;
using System.Text.Json;
using ClaimFraud.Serving.Json;
using FsCheck;
using FsCheck.Fluent;

namespace ClaimFraud.Serving.Tests;

/// <summary>The score JSON's short path for four-decimal doubles writes exactly what <see cref="Utf8JsonWriter.WriteNumber(JsonEncodedText, double)"/> writes.</summary>
public sealed class RoundedNumbersTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(20_000).WithReplay(20261121UL, 11UL);
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("fraud_score");

    /// <summary>Whole numbers of ten-thousandths up to ±1e15 (values up to ±1e11), many of them small, as scores are.</summary>
    private static Arbitrary<long> TenThousandths =>
        Gen.OneOf(
            Gen.Choose(-10_000, 10_000).Select(i => (long)i),
            Gen.Choose(-1_000_000_000, 1_000_000_000).Select(i => (long)i),
            Gen.Choose(int.MinValue, int.MaxValue).Two().Select(t => (long)t.Item1 * 465_661 + t.Item2 % 465_661))
        .ToArbitrary();

    /// <summary>Doubles of every kind: raw bit patterns, products of random mantissas and powers of ten, and Math.Round(x, 4) of those.</summary>
    private static Arbitrary<double> Doubles =>
        Gen.OneOf(
            Gen.Choose(int.MinValue, int.MaxValue).Two().Select(t => BitConverter.Int64BitsToDouble(((long)t.Item1 << 32) | (uint)t.Item2)),
            Gen.Choose(-1_000_000, 1_000_000).Zip(Gen.Choose(-12, 12)).Select(t => t.Item1 * Math.Pow(10, t.Item2)),
            Gen.Choose(int.MinValue, int.MaxValue).Zip(Gen.Choose(-8, 4)).Select(t => Math.Round(t.Item1 * Math.Pow(10, t.Item2), 4)),
            Gen.Choose(0, 1_000_000).Select(i => Math.Round(i / 999_983.0, 4)))
        .ToArbitrary();

    [Fact]
    public void EveryFourDecimalValueIsWrittenAsTheWriterWritesIt() =>
        Check.One(Runs, Prop.ForAll(TenThousandths, k =>
        {
            double value = k / 10_000.0;
            Span<byte> digits = stackalloc byte[RoundedNumbers.MaxLength];
            Assert.True(RoundedNumbers.TryFormat(value, digits, out int written), $"{k}");
            Assert.Equal(WriterBytes(value), Encoding.UTF8.GetString(digits[..written]));
        }));

    [Fact]
    public void AnyDoubleIsWrittenAsTheWriterWritesItWhetherOrNotItTakesTheShortPath() =>
        Check.One(Runs, Prop.ForAll(Doubles, value =>
        {
            if (!double.IsFinite(value)) return; // the writer refuses these; the score never holds one
            Assert.Equal(ObjectBytes(w => w.WriteNumber(Name, value)), ObjectBytes(w => RoundedNumbers.Write(w, Name, value)));
        }));

    [Fact]
    public void EdgeValuesAreWrittenAsTheWriterWritesThem()
    {
        double[] edges =
        [
            0.0, -0.0, 1.0, -1.0, 0.1, 0.0001, -0.0001, 0.00005, 0.1 + 0.2, 0.9999, 99999.9999, 12345678.9012, 99999999999.9999,
            1e11, 1e15, 1e21, 1e-7, 3_200_000.0, long.MaxValue, double.MaxValue, double.Epsilon, -1.2345, 0.5, 2.675, 1e10 + 0.5,
        ];
        foreach (double value in edges)
            Assert.Equal(ObjectBytes(w => w.WriteNumber(Name, value)), ObjectBytes(w => RoundedNumbers.Write(w, Name, value)));
    }

    [Fact]
    public void NegativeZeroAndFourDecimalValuesTakeTheShortPathAndOthersDoNot()
    {
        Span<byte> digits = stackalloc byte[RoundedNumbers.MaxLength];
        Assert.True(RoundedNumbers.TryFormat(-0.0, digits, out int written));
        Assert.Equal(WriterBytes(-0.0), Encoding.UTF8.GetString(digits[..written]));
        Assert.True(RoundedNumbers.TryFormat(Math.Round(0.123456, 4), digits, out _));
        Assert.False(RoundedNumbers.TryFormat(0.123456, digits, out _));
        Assert.False(RoundedNumbers.TryFormat(1e11, digits, out _));
        Assert.False(RoundedNumbers.TryFormat(double.NaN, digits, out _));
    }

    private static string WriterBytes(double value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, ScoreWriter.Options)) w.WriteNumberValue(value);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The number between two other members, so separators around it are compared too.</summary>
    private static string ObjectBytes(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, ScoreWriter.Options))
        {
            w.WriteStartObject();
            w.WriteString("before", "x");
            write(w);
            w.WriteNumber("after", 1);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
