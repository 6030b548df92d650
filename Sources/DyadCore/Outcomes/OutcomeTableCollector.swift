/// The simple sink: collects a run's whole outcome table per arm, for in-process consumers
/// of small runs (model validation, calibration, tests). Memory: 8 bytes per couple, column
/// and arm (twice that while ``tables()`` copies them out).
public final class OutcomeTableCollector: OutcomeSink, @unchecked Sendable {
    private var storage: [SharedStorage<Double>] = []
    /// Per arm: the measured scores, column-major (empty storage without a measurement model).
    private var measuredStorage: [SharedStorage<Double>] = []
    private var measuredCount = 0
    private var couples: Range<Int> = 0..<0

    /// An empty collector; ``prepare(_:)`` sizes its storage for the run.
    public init() {}

    /// Allocates one NA-filled column-major table per arm for the run's couples and columns.
    public func prepare(_ layout: OutcomeLayout) {
        couples = layout.couples
        storage = layout.armNames.map { _ in
            SharedStorage(repeating: Double.nan, count: layout.couples.count * layout.columns)
        }
        measuredCount = layout.measuredCount
        measuredStorage = layout.armNames.map { _ in
            SharedStorage(repeating: Double.nan, count: layout.couples.count * layout.measuredCount)
        }
    }

    /// Copies the chunk's rows into the column-major tables (chunks write disjoint rows).
    public func consume(_ chunk: OutcomeChunk) {
        let rows = couples.count
        let columns = CoupleOutcomeColumn.allCases.count
        for arm in 0..<chunk.arms {
            let table = storage[arm].pointer
            for row in 0..<chunk.count {
                let values = chunk.row(row, arm: arm)
                let target = chunk.couples.lowerBound - couples.lowerBound + row
                for column in 0..<columns { table[column * rows + target] = values[column] }
                guard measuredCount > 0 else { continue }
                let measured = chunk.measured(row, arm: arm)
                let measuredTable = measuredStorage[arm].pointer
                for column in 0..<min(measuredCount, measured.count) {
                    measuredTable[column * rows + target] = measured[column]
                }
            }
        }
    }

    /// The collected tables in arm order (rows of couples never consumed are NaN).
    public func tables() -> [CoupleOutcomeTable] {
        zip(storage, measuredStorage).map { values, measured in
            var table = CoupleOutcomeTable(firstCouple: couples.lowerBound, count: couples.count)
            table.values = values.toArray()
            if measuredCount > 0 { table.measured = measured.toArray() }
            return table
        }
    }
}
