import DyadCore

extension CoupleOutcomeTable {
    /// All values of a column as an array.
    public func values(_ column: CoupleOutcomeColumn) -> [Double] { Array(self.column(column)) }

    /// Sum of a column, NA (NaN) skipped.
    public func sum(_ column: CoupleOutcomeColumn) -> Double {
        self.column(column).reduce(0) { $1.isNaN ? $0 : $0 + $1 }
    }

    /// Mean of a column, NA skipped.
    public func mean(_ column: CoupleOutcomeColumn) -> Double {
        let present = self.column(column).filter { !$0.isNaN }
        return present.reduce(0, +) / Double(present.count)
    }
}
