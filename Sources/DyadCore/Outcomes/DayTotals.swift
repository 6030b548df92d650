/// Fixed-point scale of the per-day sums: values are added as integers in units of 2⁻⁴⁰, so
/// sums are exact and identical for any thread count, chunk size or couple partition.
public let fixedPointScale = 0x1p40

/// Converts a value in [0, 2⁲²) to fixed point (round half up).
func fixedPoint(_ value: Double) -> Int128 {
    Int128(Int64(value * fixedPointScale + 0.5))
}

/// One day's numerators and denominators over the couples alive at the start of the day
/// (docs/model.md §9.3). Counts are integers; sums are fixed-point integers (see ``fixedPointScale``).
public struct DayTotals: Sendable, Equatable {
    /// n_d: couples together at the start of the day (the denominator of the couple means).
    public var alive: Int64 = 0
    /// Couples with at least one conflict episode on the day (numerator of `in_conflict`).
    public var inConflict: Int64 = 0
    /// Couples with Sat_c < sat_distress at recording (numerator of `distressed`).
    public var distressed: Int64 = 0
    /// Couples that dissolved on this day (step 9).
    public var dissolved: Int64 = 0
    /// Pursue–withdraw action pairs of the day (numerator of `pw_cycle_frac`).
    public var pursueWithdrawPairs: Int64 = 0
    /// Action pairs of the day (denominator of `pw_cycle_frac`).
    public var actionPairs: Int64 = 0
    /// Number of end-of-turn arousal samples (2 per completed turn).
    public var conflictSamples: Int64 = 0
    /// Σ (E_a + E_b) end of day.
    public var arousal: Int128 = 0
    /// Σ end-of-turn E over all turns, both partners.
    public var conflictArousal: Int128 = 0
    /// Σ (S_a + S_b).
    public var security: Int128 = 0
    /// Σ Sat_c.
    public var satisfaction: Int128 = 0
    /// Σ (a_a + a_b).
    public var anxiety: Int128 = 0
    /// Σ (v_a + v_b).
    public var avoidance: Int128 = 0

    /// All counts and sums zero.
    public init() {}

    /// Adds another partial total (exact, associative and commutative). Wrapping adds: no
    /// realistic run overflows 64/128 bits, and modular sums stay exact when the total fits.
    public mutating func add(_ other: DayTotals) {
        alive &+= other.alive
        inConflict &+= other.inConflict
        distressed &+= other.distressed
        dissolved &+= other.dissolved
        pursueWithdrawPairs &+= other.pursueWithdrawPairs
        actionPairs &+= other.actionPairs
        conflictSamples &+= other.conflictSamples
        arousal &+= other.arousal
        conflictArousal &+= other.conflictArousal
        security &+= other.security
        satisfaction &+= other.satisfaction
        anxiety &+= other.anxiety
        avoidance &+= other.avoidance
    }
}
