/// Fixed-point scale of the per-day sums: values are added as integers in units of 2⁻⁴⁰, so
/// sums are exact and identical for any thread count, chunk size or couple partition.
public let fixedPointScale = 0x1p40

/// Converts a value in [0, 2⁲²) to fixed point (round half up).
@inline(__always)
func fixedPoint(_ value: Double) -> Int128 {
    Int128(Int64(value * fixedPointScale + 0.5))
}

/// One day's numerators and denominators over the couples alive at the start of the day
/// (MODEL.md §9.2). Counts are integers; sums are fixed-point integers (see ``fixedPointScale``).
public struct DayTotals: Sendable, Equatable {
    public var alive: Int64 = 0
    public var inConflict: Int64 = 0
    public var distressed: Int64 = 0
    /// Couples that dissolved on this day (step 9).
    public var dissolved: Int64 = 0
    public var pursueWithdrawPairs: Int64 = 0
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

    public init() {}

    /// Adds another partial total (exact, associative and commutative). Wrapping adds: no
    /// realistic run overflows 64/128 bits, and modular sums stay exact when the total fits.
    @inline(__always)
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

/// The per-day aggregates of one arm (MODEL.md §9.2) as exact numerators and denominators.
public struct DailyAggregates: Sendable, Equatable {
    /// Couples covered (N of the run, or of the shard's couple range): denominator of dissolved_cum.
    public let coupleCount: Int
    /// One entry per outcome day 0 ..< days.
    public internal(set) var days: [DayTotals]

    public init(coupleCount: Int, days: Int) {
        self.coupleCount = coupleCount
        self.days = [DayTotals](repeating: DayTotals(), count: days)
    }

    /// Adds another partial aggregate over other couples of the same run and arm.
    public mutating func add(_ other: DailyAggregates) {
        precondition(other.days.count == days.count, "aggregates over different day counts")
        for day in days.indices { days[day].add(other.days[day]) }
    }

    /// Adds totals from a disjoint set of couples (e.g. shards); the couple count adds too.
    public func merged(with other: DailyAggregates) -> DailyAggregates {
        var result = DailyAggregates(coupleCount: coupleCount + other.coupleCount, days: days.count)
        result.days = days
        result.add(other)
        return result
    }

    /// The row of `daily.csv` for `day`, in ``DailyColumn`` order (NaN = NA).
    public func row(day: Int, cumulativeDissolved: Int64) -> [Double] {
        let totals = days[day]
        let alive = Double(totals.alive)
        func mean(_ sum: Int128, per denominator: Double) -> Double {
            denominator > 0 ? Double(sum) / fixedPointScale / denominator : .nan
        }
        func share(_ count: Int64, of denominator: Double) -> Double {
            denominator > 0 ? Double(count) / denominator : .nan
        }
        return [
            alive,
            mean(totals.arousal, per: 2 * alive),
            mean(totals.conflictArousal, per: Double(totals.conflictSamples)),
            mean(totals.security, per: 2 * alive),
            mean(totals.satisfaction, per: alive),
            share(totals.inConflict, of: alive),
            share(totals.pursueWithdrawPairs, of: Double(totals.actionPairs)),
            share(totals.distressed, of: alive),
            coupleCount > 0 ? Double(cumulativeDissolved) / Double(coupleCount) : .nan,
            mean(totals.anxiety, per: 2 * alive),
            mean(totals.avoidance, per: 2 * alive),
        ]
    }

    /// All rows in day order, with cumulative dissolution.
    public func rows() -> [[Double]] {
        var cumulative: Int64 = 0
        return days.indices.map { day in
            cumulative += days[day].dissolved
            return row(day: day, cumulativeDissolved: cumulative)
        }
    }
}

/// The columns of `daily.csv` after `sweep_point, replicate, arm, day` (MODEL.md §9.2).
public enum DailyColumn: Int, CaseIterable, Sendable {
    case alive, arousal, conflictArousal, security, satisfaction, inConflict, pwCycleFrac
    case distressed, dissolvedCum, aMean, vMean

    public var name: String { Self.definitions[rawValue].name }
    public var kind: ColumnKind { Self.definitions[rawValue].kind }
    public var unit: String { Self.definitions[rawValue].unit }
    public var meaning: String { Self.definitions[rawValue].meaning }

    private static let definitions: [(name: String, kind: ColumnKind, unit: String, meaning: String)] = [
        ("alive", .count, "couples", "couples alive at the start of the day"),
        ("arousal", .real, "0-1", "mean end-of-day arousal E over couples and partners"),
        ("conflict_arousal", .real, "0-1", "mean end-of-turn arousal over all turns of the day, both partners (NA if none)"),
        ("security", .real, "0-1", "mean end-of-day felt security S"),
        ("satisfaction", .real, "0-1", "mean end-of-day couple satisfaction"),
        ("in_conflict", .real, "share", "share of couples with an episode that day"),
        ("pw_cycle_frac", .real, "share", "pursue-withdraw pairs / action pairs of the day (NA if none)"),
        ("distressed", .real, "share", "share of couples with satisfaction < sat_distress"),
        ("dissolved_cum", .real, "share", "couples dissolved on days <= d / couples"),
        ("a_mean", .real, "0-1", "mean current anxiety"),
        ("v_mean", .real, "0-1", "mean current avoidance"),
    ]
}
