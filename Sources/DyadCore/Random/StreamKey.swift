/// Derivation of the per-run and per-couple random stream keys (docs/model.md §7.20).
///
/// `runKey = sm(sm(sm(seed) ⊕ pointKey) ⊕ replicate) >> 11` (53 bits, so the run seed written in
/// `runs.csv` is exact in every tool that reads numbers as doubles) and
/// `coupleKey = sm(runKey ⊕ couple)`, where `sm` is ``SplitMix64/scramble(_:)``.
/// A couple's stream depends only on (seed, sweep point, replicate, couple index): never on the
/// arm, the thread count, the chunk size or the shard, so arms form a paired virtual trial and
/// any subset of couples reproduces exactly those couples' rows.
public enum StreamKey {
    /// The key of one run (a sweep point × replicate), below 2⁵³; written as `seed` in `runs.csv`.
    public static func run(seed: UInt64, pointKey: UInt64, replicate: Int) -> UInt64 {
        let seeded = SplitMix64.scramble(seed)
        let pointed = SplitMix64.scramble(seeded ^ pointKey)
        return SplitMix64.scramble(pointed ^ UInt64(truncatingIfNeeded: replicate)) >> 11
    }

    /// The key of couple `couple` within a run.
    public static func couple(runKey: UInt64, couple: Int) -> UInt64 {
        SplitMix64.scramble(runKey ^ UInt64(truncatingIfNeeded: couple))
    }
}
