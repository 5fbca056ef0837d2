using System.Collections.Concurrent;

namespace ClaimFraud.Features.Knowledge;

/// <summary>
/// Remembers what a raw claim string (a drug name, a code as the hospital typed it) resolves to, so the hot path
/// looks it up without normalising or allocating. Bounded: past <see cref="Capacity"/> entries new strings are
/// resolved every time instead of remembered, so odd input cannot grow memory without limit.
/// </summary>
internal sealed class LookupCache<TKey, TValue>(Func<TKey, TValue> resolve, IEqualityComparer<TKey>? comparer = null) where TKey : notnull
{
    public const int Capacity = 20_000;
    private readonly ConcurrentDictionary<TKey, TValue> _map = new(comparer);

    public TValue Get(TKey key)
    {
        if (_map.TryGetValue(key, out var value)) return value;
        value = resolve(key);
        if (_map.Count < Capacity) _map.TryAdd(key, value);
        return value;
    }
}
