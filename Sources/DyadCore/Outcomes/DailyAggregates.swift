/// The per-day aggregates of one arm (docs/model.md §9.3) as exact numerators and denominators.
public struct DailyAggregates: Sendable, Equatable {
    /// Couples covered (N of the run, or of the shard's couple range): denominator of dissolved_cum.
    public let coupleCount: Int
    /// One entry per outcome day 0 ..< days.
    public internal(set) var days: [DayTotals]

    /// Zero totals for `days` outcome days over `coupleCount` couples.
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

    /// The row of `daily.csv` for `day` (``DailyRow``: its values by ``DailyColumn``).
    public func row(day: Int, cumulativeDissolved: Int64) -> DailyRow {
        DailyRow(totals: days[day], coupleCount: coupleCount, cumulativeDissolved: cumulativeDissolved)
    }

    /// All rows in day order, with cumulative dissolution.
    public func rows() -> [DailyRow] {
        var cumulative: Int64 = 0
        return days.indices.map { day in
            cumulative += days[day].dissolved
            return row(day: day, cumulativeDissolved: cumulative)
        }
    }
}
