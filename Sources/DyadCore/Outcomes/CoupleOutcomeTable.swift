/// Per-couple outcomes of one arm, stored column by column (struct of arrays): value of column
/// c for couple i at `values[c·count + i]`. NA is stored as NaN; labels as codes
/// (``AttachmentStyle`` raw values, prototype indices, −1 for NA).
public struct CoupleOutcomeTable: Sendable {
    /// Index of the first couple (the run's couple range start).
    public let firstCouple: Int
    /// Number of couples (rows).
    public let count: Int
    /// Column-major values.
    public internal(set) var values: [Double]
    /// Column-major ``MeasuredColumn`` values (value of column m for row i at `m·count + i`);
    /// empty without a measurement model.
    public internal(set) var measured: [Double] = []

    /// An empty table for couples `firstCouple ..< firstCouple + count`: every value NA (NaN).
    public init(firstCouple: Int, count: Int) {
        self.firstCouple = firstCouple
        self.count = count
        values = [Double](repeating: .nan, count: count * CoupleOutcomeColumn.allCases.count)
    }

    /// The value of `column` for row `row` (0-based within this table); NaN means NA.
    public func value(_ column: CoupleOutcomeColumn, row: Int) -> Double {
        values[column.rawValue * count + row]
    }

    /// The measured score `column` of row `row`; NaN when missing or without a measurement model.
    public func value(_ column: MeasuredColumn, row: Int) -> Double {
        measured.isEmpty ? .nan : measured[column.rawValue * count + row]
    }

    /// All rows of one column.
    public func column(_ column: CoupleOutcomeColumn) -> ArraySlice<Double> {
        values[(column.rawValue * count)..<((column.rawValue + 1) * count)]
    }
}

/// Writes one couple's outcomes into a table through a raw pointer (each worker writes
/// disjoint rows; see ``ParallelChunks``).
struct OutcomeRowWriter {
    let base: UnsafeMutablePointer<Double>
    let stride: Int
    let row: Int

    func set(_ column: CoupleOutcomeColumn, _ value: Double) {
        base[column.rawValue * stride + row] = value
    }
}
