import DyadCore

/// Column access used by the fact evaluators (NaN = NA, as in ``CoupleOutcomeTable``).
extension CoupleOutcomeTable {
    /// All rows of `column` as an array.
    func columnArray(_ column: CoupleOutcomeColumn) -> [Double] { Array(self.column(column)) }

    /// Role a's column followed by role b's: one observation per partner (2N values).
    func pooledPartners(_ columnA: CoupleOutcomeColumn, _ columnB: CoupleOutcomeColumn) -> [Double] {
        columnArray(columnA) + columnArray(columnB)
    }

    /// Per couple f(value of a, value of b).
    func perCouple(
        _ columnA: CoupleOutcomeColumn, _ columnB: CoupleOutcomeColumn, _ combine: (Double, Double) -> Double
    ) -> [Double] {
        (0..<count).map { combine(value(columnA, row: $0), value(columnB, row: $0)) }
    }

    /// Per couple (x_a + x_b)/2, or the one present value if the other is NA.
    func partnerMean(_ columnA: CoupleOutcomeColumn, _ columnB: CoupleOutcomeColumn) -> [Double] {
        perCouple(columnA, columnB) { first, second in
            if first.isNaN { return second }
            if second.isNaN { return first }
            return (first + second) / 2
        }
    }

    /// True where a is the more anxious partner at day 0 (a0_a ≥ a0_b, ties → a): the rule of
    /// target `more_anxious` at enrolment on day 0 (burn-in leaves traits unchanged).
    func aIsMoreAnxiousAtDayZero() -> [Bool] {
        (0..<count).map { RoleFreeGrouping.aIsMoreAnxious(a0A: value(.a0A, row: $0), a0B: value(.a0B, row: $0)) }
    }

    /// Per couple the value of the day-0 more anxious partner (`moreAnxious` true) or of the other.
    func byDayZeroAnxiety(
        _ columnA: CoupleOutcomeColumn, _ columnB: CoupleOutcomeColumn, moreAnxious: Bool
    ) -> [Double] {
        let roles = aIsMoreAnxiousAtDayZero()
        return (0..<count).map { row in
            roles[row] == moreAnxious ? value(columnA, row: row) : value(columnB, row: row)
        }
    }

    /// Row indices where `predicate` holds.
    func rowIndices(where predicate: (Int) -> Bool) -> [Int] { (0..<count).filter(predicate) }
}

extension Array where Element == Double {
    /// The elements at `indices`, in that order.
    func elements(at indices: [Int]) -> [Double] { indices.map { self[$0] } }
}
