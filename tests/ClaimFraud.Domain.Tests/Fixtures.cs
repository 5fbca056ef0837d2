namespace ClaimFraud.Domain.Tests;

internal static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "fixtures", name);

    public static string CombinedFraudJson => File.ReadAllText(Path("combined-fraud.json"));
}

/// <summary>A clock fixed at the brief's "today", so far-future checks do not drift with the calendar.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly FixedClock Today = new(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.FromHours(7)));
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
