import DyadCore

/// The outcomes compared between arms in `effects.csv` and `summary.csv`: every numeric
/// per-couple outcome except the day-0 traits (identical in every arm by design).
public enum EffectOutcomes {
    /// The compared outcomes, in ``CoupleOutcomeColumn/numeric`` order without a0_a, v0_a, a0_b, v0_b.
    public static let columns: [CoupleOutcomeColumn] = CoupleOutcomeColumn.numeric.filter {
        ![.a0A, .v0A, .a0B, .v0B].contains($0)
    }
}
