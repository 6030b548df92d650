import DyadCore

extension CoupleOutcomeTable {
    /// The value of `outcome` for row `row`: a couples.csv column, or a measured score (NaN when
    /// the table has no measured scores).
    public func value(_ outcome: SummarisedOutcome, row: Int) -> Double {
        switch outcome {
        case .couple(let column): value(column, row: row)
        case .measured(let column): value(column, row: row)
        }
    }
}
